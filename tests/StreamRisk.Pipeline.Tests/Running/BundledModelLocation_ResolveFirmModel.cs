using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary><c>--firm-model</c> names: the two shipped models by keyword (copied next to the program at build), a model
/// folder by its manifest, anything else as a manifest path.</summary>
public sealed class BundledModelLocation_ResolveFirmModel
{
    [Theory]
    [InlineData("default", BundledModelLocation.FirmSentimentFolder)]
    [InlineData("single", BundledModelLocation.FirmSentimentSingleFolder)]
    public void A_keyword_names_the_shipped_model_next_to_the_program(string keyword, string folder)
    {
        var manifest = BundledModelLocation.ResolveFirmModel(keyword);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, folder, "manifest.json"), manifest);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(manifest)!, "model.onnx")));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(manifest)!, "vocab.txt")));
    }

    [Fact]
    public void A_folder_stands_for_its_manifest_and_a_file_path_is_kept()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, BundledModelLocation.FirmSentimentSingleFolder);
        Assert.Equal(Path.Combine(folder, "manifest.json"), BundledModelLocation.ResolveFirmModel(folder));
        Assert.Equal("elsewhere/model.json", BundledModelLocation.ResolveFirmModel("elsewhere/model.json"));
    }
}
