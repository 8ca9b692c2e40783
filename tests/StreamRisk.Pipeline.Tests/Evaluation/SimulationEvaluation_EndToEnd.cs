using StreamRisk.Pipeline.Evaluation;

namespace StreamRisk.Pipeline.Tests.Evaluation;

[Collection(SimulatedEvaluationCollection.Name)]
public sealed class SimulationEvaluation_EndToEnd(SimulatedEvaluationFixture run)
{
    [Fact]
    public void The_simulation_writes_its_inputs_and_truth_and_reports_what_it_wrote()
    {
        var written = run.Simulation.Written;
        Assert.Equal(30, written.Issuers);
        Assert.True(written.NewsTexts > 300, $"news {written.NewsTexts}");
        Assert.True(written.Spreads > 0 && written.Statements > 0);
        var onDisk = new[] { "news.jsonl", "disclosures.jsonl", "fundamentals.jsonl", "spreads.jsonl", "macro.csv", "issuers.csv" }
            .Sum(f => new FileInfo(Path.Combine(run.SimulationDirectory, f)).Length)
            + Directory.GetFiles(Path.Combine(run.SimulationDirectory, "truth")).Sum(f => new FileInfo(f).Length);
        Assert.Equal(onDisk, run.Simulation.BytesWritten);
        if (OperatingSystem.IsLinux()) Assert.True(run.Simulation.PeakMemoryBytes > 1 << 20);
    }

    [Fact]
    public void Progress_ends_with_every_day_done()
    {
        Assert.NotEmpty(run.Progress);
        var last = run.Progress[^1];
        Assert.Equal(last.DaysTotal, last.DaysDone);
        Assert.InRange(last.DaysTotal, 365, 366);
        Assert.All(run.Progress, p => Assert.InRange(p.DaysDone, 0, p.DaysTotal));
    }

    [Fact]
    public void Firm_polarity_is_well_above_chance()
    {
        var polarity = run.Evaluation.Scorecard.Polarity;
        Assert.True(polarity.Polar > 200, $"only {polarity.Polar} polar pairs were judged");
        Assert.True(polarity.PolarAccuracy > 0.55, $"polar accuracy {polarity.PolarAccuracy} (chance is 1/3)");
    }

    [Fact]
    public void Mentions_are_mostly_found_and_mostly_right()
    {
        var mentions = run.Evaluation.Scorecard.Mentions;
        Assert.True(mentions.Precision > 0.5, $"precision {mentions.Precision}");
        Assert.True(mentions.Recall > 0.5, $"recall {mentions.Recall}");
        // The polarity matrix judges the pairs linking got right, so it cannot hold more than those.
        Assert.Equal(mentions.TruePositives, run.Evaluation.Scorecard.Polarity.Total);
    }

    [Fact]
    public void Only_admitted_news_texts_are_judged()
    {
        var card = run.Evaluation.Scorecard;
        Assert.True(card.JudgedTexts <= card.TruthTexts);
        Assert.True(card.JudgedTexts >= card.TruthTexts * 0.8, $"{card.JudgedTexts} of {card.TruthTexts} judged");
        Assert.Equal(card.JudgedTexts, run.Evaluation.Run.Counters.Documents);
    }

    [Fact]
    public void The_daily_index_rises_with_recent_latent_credit_changes()
    {
        var index = run.Evaluation.Scorecard.Index;
        Assert.Equal(Enum.GetValues<LatentTarget>().Length, index.Count);
        Assert.All(index, c =>
        {
            Assert.True(c.Pairs > 1000, $"{c.Definition}: {c.Pairs} pairs");
            Assert.InRange(c.Pearson, -1, 1);
            Assert.InRange(c.Spearman, -1, 1);
        });
        var behind = index.Single(c => c.Target == LatentTarget.ChangeBehind);
        Assert.True(behind.Pearson > 0.05 && behind.Spearman > 0.05, $"Pearson {behind.Pearson}, Spearman {behind.Spearman}");
    }

    [Fact]
    public void The_report_and_chart_are_written()
    {
        var report = File.ReadAllText(run.Evaluation.ReportPath);
        Assert.Contains(EvaluationReport.Number(run.Evaluation.Scorecard.Polarity.PolarAccuracy), report);
        Assert.Contains(EvaluationReport.Number(run.Evaluation.Scorecard.Mentions.Recall), report);
        Assert.Contains("latent(t+20) − latent(t)", report);
        Assert.NotNull(run.Evaluation.ChartPath);
        Assert.StartsWith("<svg", File.ReadAllText(run.Evaluation.ChartPath!));
    }
}
