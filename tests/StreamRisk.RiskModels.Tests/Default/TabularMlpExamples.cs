using StreamRisk.Core.Simulation;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Default.Classifiers;
using StreamRisk.RiskModels.Default.Features;

namespace StreamRisk.RiskModels.Tests.Default;

/// <summary><see cref="TestDefaults"/> examples widened to the 32 EMDLOT indicators the tabular rows read, and an MLP
/// fitted on them.</summary>
internal static class TabularMlpExamples
{
    public static List<DefaultExample> Wide(int count, int seed) => TestDefaults.Examples(count, seed).Select(e => e with
    {
        Quarters = e.Quarters.Select(q => q with
        {
            Financial = Enumerable.Range(0, EmdlotIndicators.Names.Count).Select(i => q.Financial[i % TestDefaults.Financial] * (1 + i / 8)).ToArray(),
        }).ToList(),
    }).ToList();

    public static double[] Row(DefaultExample example, bool text)
    {
        var row = new DefaultTabularFeatures(["m0", "m1"], TestDefaults.ChapterNames).Extract(example);
        return text ? ChapterEmbeddingFeatures.Append(row, example, TestDefaults.Chapters, TestDefaults.Dimension) : row;
    }

    public static TabularClassifier Fit(IReadOnlyList<DefaultExample> train, bool text, bool smote, int seed)
    {
        var classifier = new TabularClassifier(new MlpClassifier(hidden: 8, maxEpochs: 40), smote);
        classifier.Fit(train.Select(e => Row(e, text)).ToArray(), train.Select(e => (int)e.Label).ToArray(), seed);
        return classifier;
    }

    public static TabularMlpDescription Description(bool text, bool smote) =>
        new("default-mlp@test", ["m0", "m1"], TestDefaults.ChapterNames, 10, text, text ? TestDefaults.Dimension : 0, smote);
}
