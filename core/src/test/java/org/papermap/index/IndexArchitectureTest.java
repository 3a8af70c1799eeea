package org.papermap.index;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The index packages depend only upstream (corpus, vector, internal) and use no unseeded randomness. */
class IndexArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.papermap.index", "org.papermap.internal");

  @Test
  void givenIndexPackages_whenImported_thenNoDownstreamDependencies() {
    noClasses()
        .that()
        .resideInAPackage("org.papermap.index..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.papermap.text..", "org.papermap.cluster..", "org.papermap.topic..", "org.papermap")
        .check(CLASSES);
  }

  @Test
  void givenInternalPackage_whenImported_thenItImportsNoStagePackage() {
    noClasses()
        .that()
        .resideInAPackage("org.papermap.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.papermap.corpus..", "org.papermap.text..", "org.papermap.vector..", "org.papermap.index..",
            "org.papermap.cluster..", "org.papermap.topic..")
        .check(CLASSES);
  }

  @Test
  void givenIndexCode_whenImported_thenNoThreadLocalRandomOrMathRandom() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
        .orShould()
        .callMethod(Math.class, "random")
        .check(CLASSES);
  }
}
