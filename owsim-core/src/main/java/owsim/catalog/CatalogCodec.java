package owsim.catalog;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact binary form of a {@link CatalogFile}, for the bundled catalog only: the build writes
 * it from the bundled YAML ({@link CompileBundledCatalog}) so that a short command need not start
 * a YAML parser and a data binder (a quarter of a second of a cost answer). Every record is built
 * through its constructor, so every value is checked as when it is read from YAML; a test proves
 * the two forms give equal catalogs. Users' catalog files are always YAML.
 *
 * <p>Layout: the magic {@link #MAGIC}, the format {@link #VERSION}, then the models and the
 * accelerators, each as a count and the records' components in declaration order (texts as
 * modified UTF-8 with a presence flag, enums by name, lists as a count and their elements).
 */
final class CatalogCodec {
    /** "OWSC": owsim catalog. */
    static final int MAGIC = 0x4F575343;
    /** Raised whenever the layout or a record's components change. */
    static final int VERSION = 1;

    private CatalogCodec() {}

    public static void write(CatalogFile file, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(file.models().size());
        for (ModelSpec m : file.models()) writeModel(m, out);
        out.writeInt(file.accelerators().size());
        for (AcceleratorSpec a : file.accelerators()) writeAccelerator(a, out);
    }

    /** Reads what {@link #write} wrote; a file of another layout or version is refused. */
    public static CatalogFile read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) throw new IOException("not a compiled owsim catalog");
        int version = in.readInt();
        if (version != VERSION) throw new IOException("compiled catalog of format " + version + ", expected " + VERSION);
        int models = in.readInt();
        List<ModelSpec> m = new ArrayList<>(models);
        for (int i = 0; i < models; i++) m.add(readModel(in));
        int accelerators = in.readInt();
        List<AcceleratorSpec> a = new ArrayList<>(accelerators);
        for (int i = 0; i < accelerators; i++) a.add(readAccelerator(in));
        if (in.read() != -1) throw new IOException("compiled catalog has bytes after its end");
        return new CatalogFile(m, a);
    }

    private static void writeModel(ModelSpec m, DataOutputStream out) throws IOException {
        text(m.id(), out);
        text(m.name(), out);
        text(m.developer(), out);
        text(m.released(), out);
        out.writeInt(m.layers());
        out.writeInt(m.hiddenSize());
        out.writeInt(m.vocabSize());
        out.writeBoolean(m.tiedEmbeddings());
        out.writeInt(m.contextTokens());
        text(m.nativeWeights().name(), out);
        text(m.nativeExpertWeights().name(), out);
        AttentionSpec at = m.attention();
        text(at.kind().name(), out);
        for (int v : new int[] {at.queryHeads(), at.kvHeads(), at.headDim(), at.qLoraRank(), at.kvLoraRank(),
                at.qkNopeHeadDim(), at.qkRopeHeadDim(), at.vHeadDim(), at.slidingWindowTokens(), at.slidingWindowLayers()}) {
            out.writeInt(v);
        }
        out.writeBoolean(at.qkvBias());
        FfnSpec f = m.ffn();
        for (int v : new int[] {f.denseIntermediate(), f.denseLayers(), f.moeIntermediate(), f.experts(), f.activeExperts(), f.sharedExperts()}) {
            out.writeInt(v);
        }
        out.writeBoolean(f.expertBias());
        PublishedCounts p = m.published();
        out.writeBoolean(p != null);
        if (p != null) {
            out.writeDouble(p.totalParams());
            out.writeDouble(p.activeParams());
            text(p.activeIncludes(), out);
        }
        texts(m.sources(), out);
        text(m.notes(), out);
    }

    private static ModelSpec readModel(DataInputStream in) throws IOException {
        String id = text(in);
        String name = text(in);
        String developer = text(in);
        String released = text(in);
        int layers = in.readInt();
        int hiddenSize = in.readInt();
        int vocabSize = in.readInt();
        boolean tied = in.readBoolean();
        int contextTokens = in.readInt();
        WeightFormat weights = WeightFormat.valueOf(text(in));
        WeightFormat expertWeights = WeightFormat.valueOf(text(in));
        AttentionSpec attention = new AttentionSpec(AttentionKind.valueOf(text(in)), in.readInt(), in.readInt(), in.readInt(),
            in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readBoolean());
        FfnSpec ffn = new FfnSpec(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readBoolean());
        PublishedCounts published = in.readBoolean() ? new PublishedCounts(in.readDouble(), in.readDouble(), text(in)) : null;
        List<String> sources = texts(in);
        String notes = text(in);
        return new ModelSpec(id, name, developer, released, layers, hiddenSize, vocabSize, tied, contextTokens,
            weights, expertWeights, attention, ffn, published, sources, notes);
    }

    private static void writeAccelerator(AcceleratorSpec a, DataOutputStream out) throws IOException {
        text(a.id(), out);
        text(a.name(), out);
        text(a.vendor(), out);
        text(a.kind().name(), out);
        for (double v : new double[] {a.memoryGB(), a.memoryBandwidthGBps(), a.bf16Tflops(), a.fp8Tflops(), a.int8Tops(), a.fp4Tflops()}) {
            out.writeDouble(v);
        }
        out.writeInt(a.devicesPerNode());
        for (double v : new double[] {a.interconnectGBps(), a.networkGBps(), a.powerWatts(), a.purchaseUsd(), a.rentalUsdPerHour()}) {
            out.writeDouble(v);
        }
        texts(a.sources(), out);
        text(a.notes(), out);
    }

    private static AcceleratorSpec readAccelerator(DataInputStream in) throws IOException {
        return new AcceleratorSpec(text(in), text(in), text(in), AcceleratorKind.valueOf(text(in)),
            in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
            in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
            texts(in), text(in));
    }

    private static void text(String s, DataOutputStream out) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    private static String text(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void texts(List<String> list, DataOutputStream out) throws IOException {
        out.writeInt(list.size());
        for (String s : list) text(s, out);
    }

    private static List<String> texts(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(text(in));
        return list;
    }
}
