using FsCheck;
using FsCheck.Fluent;
using StreamRisk.Core.Sentiment;
using StreamRisk.Nlp.Training.Training;

namespace StreamRisk.Nlp.Training.Tests.Training;

public sealed class LexiconCalibrationFit_Fit
{
    private static readonly double[] Truth = [-1.0, 0.2, 1.5, 1.0, -0.8, -0.9, -1.2, 1.6, 0.1];

    /// <summary>Evidence drawn at random, labels drawn from the calibration map with <see cref="Truth"/>'s weights.</summary>
    private static (List<SentimentEvidence> Evidence, List<int> Labels) Sample(int seed, int n, IReadOnlyList<double> weights)
    {
        var random = new Random(seed);
        var truth = new LexiconCalibration { Weights = weights };
        var evidence = new List<SentimentEvidence>(n);
        var labels = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            var e = new SentimentEvidence(random.NextDouble() < 0.5 ? 0 : random.NextDouble() * 6, random.NextDouble() < 0.5 ? 0 : random.NextDouble() * 6);
            var p = truth.Apply(e);
            var u = random.NextDouble();
            labels.Add(u < p.Negative ? 0 : u < p.Negative + p.Neutral ? 1 : 2);
            evidence.Add(e);
        }
        return (evidence, labels);
    }

    [Fact]
    public void Recovers_the_probabilities_that_generated_the_labels()
    {
        var (evidence, labels) = Sample(7, 30_000, Truth);

        var fitted = LexiconCalibrationFit.Fit(evidence, labels);

        var truth = new LexiconCalibration { Weights = Truth };
        foreach (var e in new[] { new SentimentEvidence(0, 0), new SentimentEvidence(2, 0), new SentimentEvidence(0, 3), new SentimentEvidence(4, 4) })
        {
            Assert.Equal(truth.Apply(e).Positive, fitted.Apply(e).Positive, 0.03);
            Assert.Equal(truth.Apply(e).Negative, fitted.Apply(e).Negative, 0.03);
        }
    }

    [Fact]
    public void The_fit_never_has_a_higher_loss_than_uniform_probabilities()
    {
        Prop.ForAll(Gen.Choose(0, 10_000).ToArbitrary(), Gen.Choose(5, 400).ToArbitrary(), (seed, n) =>
        {
            var random = new Random(seed);
            var weights = Enumerable.Range(0, 9).Select(_ => (random.NextDouble() * 6) - 3).ToArray();
            var (evidence, labels) = Sample(seed, n, weights);
            var fitted = LexiconCalibrationFit.Fit(evidence, labels);
            var x = evidence.SelectMany(e => { var f = new double[3]; LexiconCalibration.FeaturesOf(e, f); return f; }).ToArray();
            var lambda = 1e-3 * n;

            Assert.True(LexiconCalibrationFit.Loss(fitted.Weights, x, labels, lambda) <= LexiconCalibrationFit.Loss(new double[9], x, labels, lambda) + 1e-12);
            Assert.All(fitted.Weights, w => Assert.True(double.IsFinite(w)));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_label_that_never_occurs_keeps_finite_weights_and_a_small_probability()
    {
        var evidence = Enumerable.Range(0, 200).Select(i => new SentimentEvidence(i % 5, 0)).ToList();
        var labels = evidence.Select(e => e.Positive > 0 ? 2 : 1).ToList();

        var fitted = LexiconCalibrationFit.Fit(evidence, labels);

        Assert.All(fitted.Weights, w => Assert.True(double.IsFinite(w)));
        Assert.True(fitted.Apply(new SentimentEvidence(3, 0)).Negative < 0.05);
    }

    [Fact]
    public void Round_trips_through_its_file_and_a_broken_file_names_itself()
    {
        var dir = Directory.CreateTempSubdirectory("streamrisk-lexicon-calibration-").FullName;
        var path = Path.Combine(dir, "lexicon-calibration.json");
        new LexiconCalibration { Weights = Truth, FittedOn = "test" }.Save(path);

        Assert.Equal(Truth, LexiconCalibration.Load(path).Weights);

        File.WriteAllText(path, "{\"weights\": [1, 2]}");
        var e = Assert.Throws<FormatException>(() => LexiconCalibration.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("9 finite numbers", e.Message);

        File.WriteAllText(path, "not json");
        Assert.Contains("cannot read", Assert.Throws<FormatException>(() => LexiconCalibration.Load(path)).Message);
    }
}
