using StreamRisk.Nlp.Training.Data;
using StreamRisk.Nlp.Training.Training;

namespace StreamRisk.Nlp.Training.Tests.Training;

/// <summary>108 sentence-level texts a small network learns in seconds (twelve subjects × nine phrases, three per
/// class), and options that train on them quickly.</summary>
internal static class TinySentimentSet
{
    private static readonly string[] Subjects = ["The bank", "Our supplier", "The airline", "The miner", "The retailer", "The brewer",
        "The insurer", "The utility", "The carmaker", "The shipper", "The builder", "The grocer"];

    public static List<LabelledText> Rows()
    {
        var rows = new List<LabelledText>();
        var n = 0;
        foreach (var subject in Subjects)
            foreach (var (phrase, label) in new[]
                     {
                         ("beat forecasts and raised its dividend", 2), ("profit jumped to a record", 2), ("was upgraded by analysts", 2),
                         ("missed forecasts and cut its dividend", 0), ("defaulted on its loans", 0), ("was downgraded by analysts", 0),
                         ("named a new finance chief", 1), ("will hold its meeting in May", 1), ("opened an office in Leeds", 1),
                     })
                rows.Add(new LabelledText($"{subject} {phrase}.", label, null, [], n++));
        return rows;
    }

    public static SentimentTrainingOptions Options { get; } = new()
    {
        Seed = 3, MaxEpochs = 20, Patience = 20, BatchSize = 16, EmbeddingSize = 16, Channels = 16, HiddenSize = 16, Threads = 1,
        ValidationFraction = 0.2,
    };
}
