using StreamRisk.Core.Sentiment;

namespace StreamRisk.Pipeline.Running;

/// <summary>Finds the shipped trained firm-sentiment models (data/models/firm-sentiment, the default, an ensemble of three
/// networks; data/models/firm-sentiment-single, its first network alone): next to the program (copied at build), else
/// in the repository checkout.</summary>
public static class BundledModelLocation
{
    public const string FirmSentimentFolder = "data/models/firm-sentiment";
    public const string FirmSentimentSingleFolder = "data/models/firm-sentiment-single";
    private const string ManifestFile = "manifest.json";

    /// <summary>The manifest a configured firm model names: <c>default</c> is the shipped model, <c>single</c> its first
    /// network alone; a folder stands for its manifest.json; anything else is a manifest path.</summary>
    public static string ResolveFirmModel(string configured) => configured switch
    {
        "default" => Shipped(FirmSentimentFolder, "model"),
        "single" => Shipped(FirmSentimentSingleFolder, "single-network model"),
        _ when Directory.Exists(configured) => Path.Combine(configured, ManifestFile),
        _ => configured,
    };

    private static string Shipped(string folder, string what) => FindFile(folder, ManifestFile) ?? throw new ConfigurationException(
        $"cannot find the shipped firm-sentiment {what} ({folder}/{ManifestFile}) next to the program or in a repository checkout above " +
        $"the working directory; pass --firm-model lexicon or a manifest");

    /// <summary>The word-list scorer's calibration shipped with the model (<c>lexicon-calibration.json</c>), or null when
    /// neither place has it (the scorer then keeps its uncalibrated mapping, and its model id says so).</summary>
    public static LexiconCalibration? LexiconCalibration()
    {
        var path = FirmSentimentFile("lexicon-calibration.json");
        try
        {
            return path is null ? null : Core.Sentiment.LexiconCalibration.Load(path);
        }
        catch (FormatException e)
        {
            throw new ConfigurationException(e.Message);
        }
    }

    /// <summary>A file of the shipped default model's folder (e.g. <c>vocab.txt</c>), or null when neither place has it.</summary>
    public static string? FirmSentimentFile(string name) => FindFile(FirmSentimentFolder, name);

    private static string? FindFile(string folder, string name)
    {
        var bundled = Path.Combine(AppContext.BaseDirectory, folder, name);
        if (File.Exists(bundled)) return bundled;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
