using StreamRisk.Core.Serialization;

namespace StreamRisk.Core.Tests.Serialization;

public class Safetensors_RoundTrip
{
    [Fact]
    public void SerializedTensors_ParseBackEqual()
    {
        var tensors = new Dictionary<string, SafetensorsTensor>
        {
            ["b.bias"] = new([3], [1f, -2.5f, 3e-8f]),
            ["a.weight"] = new([2, 2], [0.5f, float.MaxValue, -0f, 7f]),
        };
        var bytes = Safetensors.Serialize(tensors);
        Assert.Equal(0, (bytes.Length - 8 - 28) % 4);
        var parsed = Safetensors.Parse(bytes, "mem");
        Assert.Equal(tensors.Keys.Order(), parsed.Keys.Order());
        foreach (var (name, t) in tensors)
        {
            Assert.Equal(t.Shape, parsed[name].Shape);
            Assert.Equal(t.Data, parsed[name].Data);
        }
        Assert.Equal(bytes, Safetensors.Serialize(parsed));
    }

    [Fact]
    public void ATruncatedFile_IsRefused_NamingIt()
    {
        var bytes = Safetensors.Serialize(new Dictionary<string, SafetensorsTensor> { ["w"] = new([4], [1, 2, 3, 4]) });
        var ex = Assert.Throws<InvalidDataException>(() => Safetensors.Parse(bytes[..^4], "weights.safetensors"));
        Assert.Contains("weights.safetensors", ex.Message);
    }
}
