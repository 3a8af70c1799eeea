package org.papermap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data flows one way: corpus ← text ← vector ← {index, cluster} ← topic ← facade, with internal,
 * io (the file codec) and progress (the listener) below every stage. These rules fail the build when a package imports a package
 * downstream of it, and ban unseeded randomness.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.papermap");
  }

  private static void noDependency(String from, String... to) {
    noClasses()
        .that()
        .resideInAPackage(from)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(to)
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void givenCorpus_thenItDependsOnNoLaterStage() {
    noDependency("org.papermap.corpus..", "org.papermap.text..", "org.papermap.vector..",
        "org.papermap.index..", "org.papermap.cluster..", "org.papermap.topic..");
  }

  @Test
  void givenText_thenItDependsOnNoLaterStage() {
    noDependency("org.papermap.text..", "org.papermap.vector..", "org.papermap.index..",
        "org.papermap.cluster..", "org.papermap.topic..");
  }

  @Test
  void givenVector_thenItDependsOnNoLaterStage() {
    noDependency("org.papermap.vector..", "org.papermap.index..", "org.papermap.cluster..",
        "org.papermap.topic..");
  }

  @Test
  void givenIndexAndCluster_thenTheyDependOnNeitherEachOtherNorTopics() {
    noDependency("org.papermap.index..", "org.papermap.cluster..", "org.papermap.topic..");
    noDependency("org.papermap.cluster..", "org.papermap.index..", "org.papermap.topic..");
  }

  @Test
  void givenTopic_thenItDependsOnNeitherIndexNorTheFacade() {
    // neighbours reach topics (layout, prediction) through cluster.NeighbourProvider, never an index class
    noDependency("org.papermap.topic..", "org.papermap.index..");
    noClasses().that().resideInAPackage("org.papermap.topic..").should().dependOnClassesThat()
        .resideInAPackage("org.papermap").allowEmptyShould(true).check(classes);
  }

  @Test
  void givenInternal_thenItDependsOnNoStage() {
    noDependency("org.papermap.internal..", "org.papermap.corpus..", "org.papermap.text..",
        "org.papermap.vector..", "org.papermap.index..", "org.papermap.cluster..", "org.papermap.topic..");
  }

  @Test
  void givenIo_thenItDependsOnNoStage() {
    // The codec is below every stage, so that every stage (and later ones) can save with it.
    noDependency("org.papermap.io..", "org.papermap.corpus..", "org.papermap.text..",
        "org.papermap.vector..", "org.papermap.index..", "org.papermap.cluster..", "org.papermap.topic..");
  }

  @Test
  void givenProgress_thenItDependsOnNothingOfTheLibrary() {
    // The listener is below every stage (and below internal), so that any stage can report to it.
    noDependency("org.papermap.progress..", "org.papermap.corpus..", "org.papermap.text..",
        "org.papermap.vector..", "org.papermap.index..", "org.papermap.cluster..", "org.papermap.topic..",
        "org.papermap.internal..", "org.papermap.io..");
  }

  @Test
  void givenAnyClass_thenNoUnseededRandomness() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
        .orShould()
        .callMethod(Math.class, "random")
        .check(classes);
  }
}
