using System.Globalization;
using StreamRisk.Core.Graph;

namespace StreamRisk.Pipeline.Running;

/// <summary>
/// The similarity threshold that places issuers listed without industries (<c>--placement-threshold</c>, else
/// STREAMRISK_PLACEMENT_THRESHOLD, else <see cref="IssuerPlacementOptions.DefaultThreshold"/>), checked before the
/// reference data is read.
/// </summary>
public static class IssuerPlacementSetting
{
    public const string ThresholdVariable = "STREAMRISK_PLACEMENT_THRESHOLD";
    public const string ThresholdOption = "--placement-threshold";

    /// <exception cref="ConfigurationException">The option or the variable is not a number in [0, 1].</exception>
    public static IssuerPlacementOptions Resolve(double? option, Func<string, string?>? environment = null)
    {
        var env = environment ?? Environment.GetEnvironmentVariable;
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
                    $"{ThresholdVariable} '{text}' is not a number; set it to the placement similarity threshold in [0, 1] (default {IssuerPlacementOptions.DefaultThreshold.ToString(CultureInfo.InvariantCulture)}) or unset it");
            }
            source = ThresholdVariable;
        }
        else
        {
            return IssuerPlacementOptions.Default;
        }

        var options = new IssuerPlacementOptions { Threshold = threshold };
        if (options.Problem() is not null)
        {
            throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture,
                $"{source} must be a number in [0, 1] (got {threshold}): the cosine similarity an industry definition needs to an issuer's description to place the issuer in it (default {IssuerPlacementOptions.DefaultThreshold})"));
        }
        return options;
    }
}
