using StreamRisk.Nlp.Runtime;

namespace StreamRisk.Nlp.Tests.Runtime;

public class SafetensorsFile_Read
{
    [Fact]
    public void Reads_the_exported_head_in_pytorch_layout()
    {
        var tensors = SafetensorsFile.Read(TestModels.File("absa-head.safetensors"));

        Assert.Equal([32, 96], tensors["dense.weight"].Shape);
        Assert.Equal([3, 32], tensors["out_proj.weight"].Shape);
        Assert.Equal(96 * 32, tensors["dense.weight"].Data.Length);
        Assert.Contains(tensors["dense.weight"].Data, v => v != 0);
    }

    [Fact]
    public void A_truncated_file_is_rejected()
    {
        var path = Path.GetTempFileName();
        var bytes = File.ReadAllBytes(TestModels.File("absa-head.safetensors"));
        File.WriteAllBytes(path, bytes[..(bytes.Length - 8)]);

        Assert.Throws<InvalidDataException>(() => SafetensorsFile.Read(path));
        File.Delete(path);
    }
}
