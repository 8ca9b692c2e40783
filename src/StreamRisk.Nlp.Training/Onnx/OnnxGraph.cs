using System.Runtime.InteropServices;

namespace StreamRisk.Nlp.Training.Onnx;

/// <summary>ONNX tensor element types this writer uses (TensorProto.DataType).</summary>
public enum OnnxElementType { Float = 1, Int64 = 7 }

/// <summary>A node attribute: an int, a float or a list of ints (the only kinds the exported models need).</summary>
public abstract record OnnxAttribute(string Name)
{
    public sealed record Int(string Name, long Value) : OnnxAttribute(Name);
    public sealed record Float(string Name, float Value) : OnnxAttribute(Name);
    public sealed record Ints(string Name, long[] Values) : OnnxAttribute(Name);
}

/// <summary>
/// Builds one ONNX graph (nodes, initializers, typed inputs/outputs) and writes it as a ModelProto in the protobuf
/// wire format (field numbers of onnx.proto). TorchSharp has no ONNX exporter; the models trained here are small and use
/// a handful of standard operators, so they are written node by node. Operators are those of the default domain at
/// <see cref="Opset"/>.
/// </summary>
public sealed class OnnxGraph(string name)
{
    /// <summary>Opset 13: Unsqueeze and ReduceSum take axes as an input, ReduceMax as an attribute.</summary>
    public const int Opset = 13;
    private const int IrVersion = 8;

    private readonly List<ProtoWriter> _nodes = [];
    private readonly List<ProtoWriter> _initializers = [];
    private readonly List<ProtoWriter> _inputs = [];
    private readonly List<ProtoWriter> _outputs = [];
    private readonly List<(string Key, string Value)> _metadata = [];
    private int _nodeCount;

    /// <param name="shape">Each dimension a number (fixed) or a string (named dynamic dimension).</param>
    public void Input(string tensor, OnnxElementType type, params object[] shape) => _inputs.Add(ValueInfo(tensor, type, shape));

    public void Output(string tensor, OnnxElementType type, params object[] shape) => _outputs.Add(ValueInfo(tensor, type, shape));

    public string Initializer(string tensor, ReadOnlySpan<float> values, params long[] dims) =>
        AddInitializer(tensor, OnnxElementType.Float, MemoryMarshal.AsBytes(values), dims, values.Length);

    public string Initializer(string tensor, ReadOnlySpan<long> values, params long[] dims) =>
        AddInitializer(tensor, OnnxElementType.Int64, MemoryMarshal.AsBytes(values), dims, values.Length);

    /// <summary>Adds a node; returns its first output's name so calls can be chained.</summary>
    public string Node(string opType, string[] inputs, string[] outputs, params OnnxAttribute[] attributes)
    {
        var node = new ProtoWriter();
        foreach (var i in inputs) node.String(1, i);
        foreach (var o in outputs) node.String(2, o);
        node.String(3, $"{opType}_{_nodeCount++}");
        node.String(4, opType);
        foreach (var a in attributes) node.Message(5, Attribute(a));
        _nodes.Add(node);
        return outputs[0];
    }

    /// <summary>A node with one output named after its op and position.</summary>
    public string Node(string opType, string[] inputs, params OnnxAttribute[] attributes) =>
        Node(opType, inputs, [$"{opType.ToLowerInvariant()}_{_nodeCount}"], attributes);

    public void Metadata(string key, string value) => _metadata.Add((key, value));

    public byte[] ToBytes(string producer)
    {
        var graph = new ProtoWriter();
        foreach (var n in _nodes) graph.Message(1, n);
        graph.String(2, name);
        foreach (var i in _initializers) graph.Message(5, i);
        foreach (var i in _inputs) graph.Message(11, i);
        foreach (var o in _outputs) graph.Message(12, o);

        var opset = new ProtoWriter();
        opset.String(1, "");
        opset.Varint(2, Opset);

        var model = new ProtoWriter();
        model.Varint(1, IrVersion);
        model.String(2, producer);
        model.Message(7, graph);
        model.Message(8, opset);
        foreach (var (key, value) in _metadata)
        {
            var entry = new ProtoWriter();
            entry.String(1, key);
            entry.String(2, value);
            model.Message(14, entry);
        }
        return model.ToArray();
    }

    private string AddInitializer(string tensor, OnnxElementType type, ReadOnlySpan<byte> data, long[] dims, int count)
    {
        long expected = 1;
        foreach (var d in dims) expected *= d;
        if (expected != count) throw new ArgumentException($"initializer '{tensor}' has {count} values but dims [{string.Join(", ", dims)}] hold {expected}");
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX raw_data is little-endian");
        var t = new ProtoWriter();
        foreach (var d in dims) t.Varint(1, d);
        t.Varint(2, (int)type);
        t.String(8, tensor);
        t.Bytes(9, data);
        _initializers.Add(t);
        return tensor;
    }

    private static ProtoWriter Attribute(OnnxAttribute attribute)
    {
        var a = new ProtoWriter();
        a.String(1, attribute.Name);
        switch (attribute)
        {
            case OnnxAttribute.Float f:
                a.Float(2, f.Value);
                a.Varint(20, 1);
                break;
            case OnnxAttribute.Int i:
                a.Varint(3, i.Value);
                a.Varint(20, 2);
                break;
            case OnnxAttribute.Ints list:
                foreach (var v in list.Values) a.Varint(8, v);
                a.Varint(20, 7);
                break;
        }
        return a;
    }

    private static ProtoWriter ValueInfo(string tensor, OnnxElementType type, object[] shape)
    {
        var dims = new ProtoWriter();
        foreach (var d in shape)
        {
            var dim = new ProtoWriter();
            switch (d)
            {
                case string named: dim.String(2, named); break;
                case int or long: dim.Varint(1, Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture)); break;
                default: throw new ArgumentException($"dimension {d} of '{tensor}' is neither a number nor a name");
            }
            dims.Message(1, dim);
        }
        var tensorType = new ProtoWriter();
        tensorType.Varint(1, (int)type);
        tensorType.Message(2, dims);
        var typeProto = new ProtoWriter();
        typeProto.Message(1, tensorType);
        var info = new ProtoWriter();
        info.String(1, tensor);
        info.Message(2, typeProto);
        return info;
    }
}
