using Microsoft.Extensions.Time.Testing;
using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Default;

namespace StreamRisk.RiskModels.Tests.Default;

public class SwappableClassModel_SwapsWithoutStopping
{
    [Fact]
    public void ANewArtifact_IsServedAfterTheNextCheck_NotBefore()
    {
        var dir = Folder("v1");
        var time = new FakeTimeProvider();
        var reports = new List<string>();
        var slot = new SwappableClassModel(dir, Load, time, TimeSpan.FromSeconds(10), reports.Add);
        Assert.Equal("m@v1", slot.Refresh().Version);

        File.WriteAllText(Path.Combine(dir, ModelManifest.FileName), "v2");
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal("m@v1", slot.Refresh().Version);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("m@v2", slot.Refresh().Version);
        Assert.Equal(1, slot.Swaps);
        Assert.Contains(reports, r => r.Contains("now serving m@v2 (was m@v1)", StringComparison.Ordinal));
    }

    [Fact]
    public void ARefusedArtifact_LeavesTheOldOneServing_IsReportedOnce_AndIsTriedAgain()
    {
        var dir = Folder("v1");
        var time = new FakeTimeProvider();
        var reports = new List<string>();
        var weightsComplete = false;
        IDefaultClassScorer LoadUnlessIncomplete(string path) =>
            File.ReadAllText(Manifest(path)) == "v2" && !weightsComplete ? throw new ModelArtifactException("weights.safetensors: checksum differs") : Load(path);
        var slot = new SwappableClassModel(dir, LoadUnlessIncomplete, time, TimeSpan.FromSeconds(1), reports.Add);

        File.WriteAllText(Path.Combine(dir, ModelManifest.FileName), "v2");
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("m@v1", slot.Refresh().Version);
        }
        Assert.Single(reports, r => r.Contains("refused", StringComparison.Ordinal));

        weightsComplete = true; // the copy finished: same manifest, now loadable
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("m@v2", slot.Refresh().Version);
    }

    [Fact]
    public void AMissingArtifactAtStart_FailsAtStart()
    {
        var dir = Path.Combine(Path.GetTempPath(), "streamrisk-swap-" + Guid.NewGuid().ToString("N"));
        Assert.Throws<ModelArtifactException>(() => new SwappableClassModel(dir, Load, new FakeTimeProvider(), TimeSpan.FromSeconds(1), _ => { }));
    }

    private static IDefaultClassScorer Load(string path)
    {
        var manifest = Manifest(path);
        if (!File.Exists(manifest)) throw new ModelArtifactException($"{manifest}: no model manifest there");
        return new FixedScorer("m@" + File.ReadAllText(manifest));
    }

    private static string Manifest(string path) => Directory.Exists(path) ? Path.Combine(path, ModelManifest.FileName) : path;

    private static string Folder(string version)
    {
        var dir = Path.Combine(Path.GetTempPath(), "streamrisk-swap-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, ModelManifest.FileName), version);
        return dir;
    }

    private sealed class FixedScorer(string version) : IDefaultClassScorer
    {
        public string Version => version;
        public int Steps => 8;
        public IReadOnlyList<string> MacroNames => [];

        public ClassModelScore Score(DefaultExample example) =>
            new(1, 0, 0, new RiskClassExplanation(version, null, 0, [], [1.0], 1, 0, []));
    }
}
