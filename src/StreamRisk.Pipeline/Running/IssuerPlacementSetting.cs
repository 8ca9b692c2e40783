using System.Globalization;
using StreamRisk.Core.Graph;
using StreamRisk.Core.Topics;

namespace StreamRisk.Pipeline.Running;

/// <summary>
/// The similarity threshold that places issuers listed without industries (<c>--placement-threshold</c>, else
/// STREAMRISK_PLACEMENT_THRESHOLD, else the default for the embedder: <see cref="IssuerPlacementOptions.DefaultThreshold"/>
/// for the built-in one, <see cref="IssuerPlacementOptions.DenseEmbeddingThreshold"/> for an ONNX sentence-embedding model),
/// checked before the reference data is read.
/// </summary>
public static class IssuerPlacementSetting
{
    public const string ThresholdVariable = "STREAMRISK_PLACEMENT_THRESHOLD";
    public const string ThresholdOption = "--placement-threshold";

    /// <exception cref="ConfigurationException">The option or the variable is not a number in [0, 1].</exception>
    /// <param name="denseEmbedder">The ONNX sentence-embedding model of <c>--embedding-model</c> that places issuers (and
    /// sets the default threshold); null for the built-in embedder.</param>
    public static IssuerPlacementOptions Resolve(double? option, Func<string, string?>? environment = null, ITextEmbedder? denseEmbedder = null)
    {
        var env = environment ?? Environment.GetEnvironmentVariable;
        var defaults = denseEmbedder is null ? IssuerPlacementOptions.Default : IssuerPlacementOptions.Dense(denseEmbedder);
        var defaultText = defaults.Threshold.ToString(CultureInfo.InvariantCulture);
        double threshold;
        string source;
        if (option is { } given)
        {
            (threshold, source) = (given, ThresholdOption);
        }
        else if (env(ThresholdVariable) is { } text && !string.IsNullOrWhiteSpace(text))
        {
            if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out threshold))
            {
                throw new ConfigurationException(
                    $"{ThresholdVariable} '{text}' is not a number; set it to the placement similarity threshold in [0, 1] (default {defaultText}) or unset it");
            }
            source = ThresholdVariable;
        }
        else
        {
            return defaults;
        }

        var options = defaults with { Threshold = threshold };
        if (options.Problem() is not null)
        {
            throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture,
                $"{source} must be a number in [0, 1] (got {threshold}): the cosine similarity an industry definition needs to an issuer's description to place the issuer in it (default {defaultText})"));
        }
        return options;
    }
}
