using System.Text.Json.Nodes;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Default.Classifiers;

namespace StreamRisk.RiskModels.Tests.Default;

public sealed class TabularMlpClassModel_ArtifactRoundTrip : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("streamrisk-tabular-mlp-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ModelArtifact Save(bool text, string? directory = null)
    {
        var train = TabularMlpExamples.Wide(300, seed: 1);
        var classifier = TabularMlpExamples.Fit(train, text, smote: true, seed: 3);
        return TabularMlpClassModel.Save(directory ?? _dir, TabularMlpExamples.Description(text, smote: true), ((MlpClassifier)classifier.Model).Weights(),
            classifier.Normalisation, new TrainingDataInfo("hash-1", "unit", train.Count), new Dictionary<string, double>(), 3, "test");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_served_model_scores_as_the_fitted_one_and_a_reload_scores_the_same(bool text)
    {
        var train = TabularMlpExamples.Wide(300, seed: 1);
        var test = TabularMlpExamples.Wide(60, seed: 2);
        var classifier = TabularMlpExamples.Fit(train, text, smote: true, seed: 3);
        var expected = classifier.PredictProbabilities(test.Select(e => TabularMlpExamples.Row(e, text)).ToArray());
        var artifact = Save(text);

        var served = TabularMlpClassModel.FromArtifact(artifact);
        var reloaded = DefaultClassModels.Load(_dir);
        Assert.Equal(10, served.Steps);
        Assert.Equal(["m0", "m1"], served.MacroNames);
        for (var i = 0; i < test.Count; i++)
        {
            var p = served.Probabilities(test[i]);
            // The artifact keeps float32 weights; the fitted model ran in double precision.
            for (var k = 0; k < 3; k++) Assert.Equal(expected[i][k], p[k], 5);
            var a = served.Score(test[i]);
            var b = reloaded.Score(test[i]);
            Assert.Equal((a.PPerforming, a.PExtended, a.PDefaulted), (b.PPerforming, b.PExtended, b.PDefaulted));
            Assert.Equal(p[2], a.PDefaulted, 12);
        }
    }

    [Fact]
    public void The_explanation_splits_the_attribution_between_numbers_and_chapters()
    {
        Save(text: true);
        var served = TabularMlpClassModel.Load(_dir);
        foreach (var example in TabularMlpExamples.Wide(40, seed: 4))
        {
            var e = served.Score(example).Explanation;
            Assert.Equal("default-mlp@test", e.Model);
            Assert.Equal([1.0], e.Clusters);
            Assert.Equal(1, e.NumbersWeight + e.TextWeight, 9);
            Assert.InRange(e.TopFeatures.Count, 1, 5);
            Assert.True(e.TopFeatures.Sum(f => f.Weight) <= e.NumbersWeight + 1e-9);
            Assert.All(e.TopFeatures, f => Assert.DoesNotContain("emb_", f.Feature, StringComparison.Ordinal));
            Assert.All(e.TopFeatures, f => Assert.Equal(example.Quarters[^1].PeriodEnd, f.PeriodEnd));
            Assert.Equal(e.TopFeatures.Select(f => f.Weight).OrderDescending(), e.TopFeatures.Select(f => f.Weight));
            Assert.Equal(TestDefaults.ChapterNames, e.Chapters.Select(c => c.Chapter));
            if (e.TextWeight > 0) Assert.Equal(1, e.Chapters.Sum(c => c.Weight), 9);
            Assert.Equal(example.Quarters.Count, e.Quarters);
        }
    }

    [Fact]
    public void An_emdlot_loader_refuses_it_and_a_changed_feature_list_is_named()
    {
        Save(text: false);
        var wrongKind = Assert.Throws<ModelArtifactException>(() => DefaultClassModel.Load(_dir));
        Assert.Contains("default-tabular-mlp", wrongKind.Message);

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "manifest.json")))!;
        manifest["features"]![3] = "fin_something_else";
        File.WriteAllText(Path.Combine(_dir, "manifest.json"), manifest.ToJsonString());
        var changed = Assert.Throws<ModelArtifactException>(() => DefaultClassModels.Load(_dir));
        Assert.Contains("'features'", changed.Message);
        Assert.Contains("column 3", changed.Message);
        Assert.Contains("fin_something_else", changed.Message);
    }

    [Fact]
    public void A_hidden_width_that_does_not_match_the_weights_is_named()
    {
        Save(text: false);
        var path = Path.Combine(_dir, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest["hyperparameters"]!["hidden"] = 9;
        File.WriteAllText(path, manifest.ToJsonString());
        var e = Assert.Throws<ModelArtifactException>(() => TabularMlpClassModel.Load(_dir));
        Assert.Contains("'w1'", e.Message);
        Assert.Contains("[9,", e.Message);
    }
}
