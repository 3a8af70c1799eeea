import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/**
 * Run with: java --add-modules jdk.incubator.vector -Xmx4g benchmarks/scripts/ABHarness.java A.jar B.jar
 * sparse|hnsw BATCH PAIRS, where A.jar and B.jar are benchmarks/target/benchmarks.jar of two builds.
 *
 * <p>Paired A/B on a loaded machine: both builds' classes live in one JVM (one class loader each), the same
 * data is indexed by both, and batches of queries alternate A, B, A, B..., so load changes hit both alike.
 * Reports the median batch time of each and the median of the per-pair ratios B/A.
 */
public class ABHarness {
  static Class<?> c(ClassLoader l, String n) throws Exception { return Class.forName(n, true, l); }
  static Method m(Class<?> c, String name, Class<?>... p) throws Exception { Method x = c.getDeclaredMethod(name, p); x.setAccessible(true); return x; }

  interface Search { Object run(int i) throws Exception; }

  static Search sparse(ClassLoader l) throws Exception {
    Class<?> syn = c(l, "org.papermap.bench.SyntheticData");
    Object matrix = m(syn, "zipfianTfIdf", long.class, int.class, int.class, int.class).invoke(null, 11L, 118024, 200000, 80);
    Class<?> sm = c(l, "org.papermap.vector.SparseMatrix");
    Class<?> io = c(l, "org.papermap.index.IndexOptions");
    Object def = io.getField("DEFAULT").get(null);
    Class<?> si = c(l, "org.papermap.index.SparseIndex");
    Object index = si.getMethod("build", sm, io).invoke(null, matrix, def);
    Object[] queries = new Object[256];
    for (int i = 0; i < 256; i++) queries[i] = sm.getMethod("row", int.class).invoke(matrix, (int) ((i * 2654435761L) % 118024));
    Class<?> sv = c(l, "org.papermap.vector.SparseVector");
    Class<?> of = c(l, "org.papermap.index.OrdFilter");
    Object all = of.getField("ALL").get(null);
    Method search = si.getMethod("search", Object.class, int.class, of);
    return i -> search.invoke(index, queries[i & 255], 10, all);
  }

  static Search hnsw(ClassLoader l) throws Exception {
    Class<?> syn = c(l, "org.papermap.bench.SyntheticData");
    Method cd = m(syn, "clusteredDense", long.class, long.class, int.class, int.class, int.class, double.class);
    float[][] data = (float[][]) cd.invoke(null, 1L, 2L, 20000, 100, 200, 1.5);
    float[][] queries = (float[][]) cd.invoke(null, 1L, 3L, 500, 100, 200, 1.5);
    Class<?> dv = c(l, "org.papermap.vector.DenseVectors");
    Object vectors = dv.getMethod("of", float[][].class).invoke(null, (Object) data);
    Class<?> oc;
    try {
      oc = c(l, "org.papermap.index.hnsw.HnswOptions");
    } catch (ClassNotFoundException e) {
      oc = c(l, "org.papermap.index.hnsw.HnswIndex$Options"); // before the HNSW split
    }
    Object builder = oc.getMethod("builder").invoke(null);
    Class<?> bc = builder.getClass();
    bc.getMethod("m", int.class).invoke(builder, 16);
    bc.getMethod("efConstruction", int.class).invoke(builder, 100);
    bc.getMethod("efSearch", int.class).invoke(builder, 64);
    Object opts = bc.getMethod("build").invoke(builder);
    Class<?> hi = c(l, "org.papermap.index.hnsw.HnswIndex");
    Object index = hi.getMethod("build", dv, oc).invoke(null, vectors, opts);
    Class<?> of = c(l, "org.papermap.index.OrdFilter");
    Object all = of.getField("ALL").get(null);
    Method search = hi.getMethod("search", float[].class, int.class, of, int.class);
    return i -> search.invoke(index, queries[i % 500], 10, all, 64);
  }

  public static void main(String[] args) throws Exception {
    ClassLoader la = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    ClassLoader lb = new URLClassLoader(new URL[] {Path.of(args[1]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    String which = args[2];
    int batch = Integer.parseInt(args[3]);
    int pairs = Integer.parseInt(args[4]);
    Search a = which.equals("sparse") ? sparse(la) : hnsw(la);
    Search b = which.equals("sparse") ? sparse(lb) : hnsw(lb);
    // Same answers: the hits of both builds agree.
    for (int i = 0; i < 50; i++) {
      if (!a.run(i).toString().equals(b.run(i).toString())) throw new AssertionError("different hits at query " + i);
    }
    long[] ta = new long[pairs], tb = new long[pairs];
    int q = 0;
    for (int w = 0; w < 20; w++) { for (int i = 0; i < batch; i++) { a.run(q + i); b.run(q + i); } q += batch; }
    for (int p = 0; p < pairs; p++) {
      boolean aFirst = (p & 1) == 0;
      for (int side = 0; side < 2; side++) {
        Search s = (side == 0) == aFirst ? a : b;
        long t0 = System.nanoTime();
        for (int i = 0; i < batch; i++) s.run(q + i);
        long t = System.nanoTime() - t0;
        if (s == a) ta[p] = t; else tb[p] = t;
      }
      q += batch;
    }
    double[] ratio = new double[pairs];
    for (int p = 0; p < pairs; p++) ratio[p] = (double) tb[p] / ta[p];
    Arrays.sort(ratio);
    long[] sa = ta.clone(), sb = tb.clone();
    Arrays.sort(sa); Arrays.sort(sb);
    System.out.printf(Locale.ROOT, "%s: %d pairs of %d queries; median per query A %.1f us, B %.1f us; median B/A %.3f (quartiles %.3f..%.3f)%n",
        which, pairs, batch, sa[pairs / 2] / 1e3 / batch, sb[pairs / 2] / 1e3 / batch, ratio[pairs / 2], ratio[pairs / 4], ratio[3 * pairs / 4]);
  }
}
