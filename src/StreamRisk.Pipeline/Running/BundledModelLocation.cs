using StreamRisk.Core.Sentiment;

namespace StreamRisk.Pipeline.Running;

/// <summary>Finds the shipped trained firm-sentiment model (data/models/firm-sentiment): next to the program (copied at
/// build), else in the repository checkout.</summary>
public static class BundledModelLocation
{
    public const string FirmSentimentFolder = "data/models/firm-sentiment";

    /// <summary>The manifest a configured firm model names: <c>default</c> is the shipped model; anything else is a path.</summary>
    public static string ResolveFirmModel(string configured) => configured != "default" ? configured
        : FirmSentimentManifest() ?? throw new ConfigurationException(
            $"cannot find the shipped firm-sentiment model ({FirmSentimentFolder}/manifest.json); pass --firm-model lexicon or a manifest");

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

    /// <summary>The shipped model's manifest, or null when neither place has it.</summary>
    public static string? FirmSentimentManifest() => FirmSentimentFile("manifest.json");

    /// <summary>A file of the shipped model's folder (e.g. <c>vocab.txt</c>), or null when neither place has it.</summary>
    public static string? FirmSentimentFile(string name)
    {
        var bundled = Path.Combine(AppContext.BaseDirectory, FirmSentimentFolder, name);
        if (File.Exists(bundled)) return bundled;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FirmSentimentFolder, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
