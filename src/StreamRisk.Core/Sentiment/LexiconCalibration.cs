using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamRisk.Core.Sentiment;

/// <summary>
/// Calibrated probabilities for the word-list scorer: a multinomial logistic map from its evidence, features
/// [1, ln(1 + positive mass), ln(1 + negative mass)], to P(negative, neutral, positive). The uncalibrated mapping
/// (<see cref="SentimentEvidence.ToProbabilities"/>) keeps P(neutral) ≥ 0.5 until the evidence passes a fixed mass,
/// which is not what labelled text says; this map is fitted to labels (<c>streamrisk train sentiment</c> writes it).
/// </summary>
public sealed record LexiconCalibration
{
    public const int Features = 3;

    /// <summary>Row-major [class (negative, neutral, positive)] × [feature] weights.</summary>
    [JsonPropertyName("weights")]
    public IReadOnlyList<double> Weights { get; init; } = [];

    /// <summary>Where the weights came from (training files, rows, seed), for the record.</summary>
    [JsonPropertyName("fitted_on")]
    public string? FittedOn { get; init; }

    public static void FeaturesOf(SentimentEvidence evidence, Span<double> x)
    {
        x[0] = 1;
        (x[1], x[2]) = LexiconEvidenceFeatures.Of(evidence);
    }

    public SentimentProbabilities Apply(SentimentEvidence evidence)
    {
        Span<double> x = stackalloc double[Features];
        Span<double> p = stackalloc double[3];
        FeaturesOf(evidence, x);
        Probabilities(Weights, x, p);
        return new SentimentProbabilities(p[0], p[1], p[2]);
    }

    /// <summary>Softmax of <paramref name="weights"/> · <paramref name="x"/> into <paramref name="p"/>.</summary>
    public static void Probabilities(IReadOnlyList<double> weights, ReadOnlySpan<double> x, Span<double> p)
    {
        var max = double.NegativeInfinity;
        for (var c = 0; c < 3; c++)
        {
            double z = 0;
            for (var f = 0; f < Features; f++)
            {
                z += weights[(c * Features) + f] * x[f];
            }

            p[c] = z;
            max = Math.Max(max, z);
        }

        double sum = 0;
        for (var c = 0; c < 3; c++)
        {
            p[c] = Math.Exp(p[c] - max);
            sum += p[c];
        }

        for (var c = 0; c < 3; c++)
        {
            p[c] /= sum;
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Indented) + "\n");

    /// <summary>Reads a calibration file; a missing, unreadable or malformed one is a <see cref="FormatException"/> naming the file and the fix.</summary>
    public static LexiconCalibration Load(string path)
    {
        LexiconCalibration? calibration;
        try
        {
            calibration = JsonSerializer.Deserialize<LexiconCalibration>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new FormatException($"{path}: cannot read the lexicon calibration ({e.Message}); write it again with streamrisk train sentiment", e);
        }

        if (calibration is null || calibration.Weights.Count != 3 * Features || calibration.Weights.Any(w => !double.IsFinite(w)))
        {
            throw new FormatException($"{path}: 'weights' must hold {3 * Features} finite numbers (3 classes × {Features} features); write it again with streamrisk train sentiment");
        }

        return calibration;
    }
}
