using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using StreamRisk.Core.Evaluation;
using StreamRisk.Pipeline.Evaluation;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk eval</c>: runs the pipeline over a simulation and scores it against the simulation's ground truth.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var sim = new Option<string>("--sim") { Description = "Folder written by streamrisk simulate.", Required = true };
        var out_ = new Option<string?>("--out", "-o") { Description = "Folder for report.md, index.svg, the topic files and the store. Default: <sim>/eval." };
        var reference = CommonOptions.Reference();
        var chunk = CommonOptions.ChunkSize();
        var horizon = new Option<int>("--horizon")
        {
            Description = "h, in trading days, of the latent credit changes the daily index is correlated with: latent(t)-latent(t-h) and latent(t+h)-latent(t).",
            DefaultValueFactory = _ => 20,
        };
        var band = new Option<double>("--neutral-band")
        {
            Description = "Firm scores within +-band count as a neutral prediction.",
            DefaultValueFactory = _ => 0.05,
        };
        var firm = ModelCommandOptions.FirmModelOption();
        var quiet = CommonOptions.Quiet();
        var spilloverDecay = RetrievalCommandOptions.SpilloverDecayOption();
        var spilloverHops = RetrievalCommandOptions.SpilloverHopsOption();
        var industryModel = ModelCommandOptions.IndustryModelOption();
        var llmThreads = ModelCommandOptions.LlmThreadsOption();
        var command = new Command("eval", "Run the pipeline over a simulated market and score it against the truth: firm polarity accuracy, "
            + "mention precision/recall, correlation of the daily index with latent credit changes. Writes <out>/report.md.")
        {
            sim, out_, reference, chunk, horizon, band, firm, spilloverDecay, spilloverHops, industryModel, llmThreads, quiet,
        };
        command.Subcommands.Add(Training.EvalSpreadCommand.Create());
        command.Subcommands.Add(Training.EvalDefaultCommand.Create());
        command.Subcommands.Add(Training.EvalSentimentCommand.Create());
        command.SetAction((result, cancellationToken) => ExecuteAsync(
            new EvaluationOptions
            {
                SimulationDirectory = result.GetValue(sim)!,
                OutDirectory = result.GetValue(out_),
                ReferenceDirectory = result.GetValue(reference),
                ChunkSize = result.GetValue(chunk),
                HorizonDays = result.GetValue(horizon),
                NeutralBand = result.GetValue(band),
                Models = new ModelOptions
                {
                    FirmModel = result.GetValue(firm)!,
                    Spillover = new Core.Graph.SpilloverOptions(result.GetValue(spilloverDecay), result.GetValue(spilloverHops)),
                    IndustryModel = result.GetValue(industryModel) ?? Environment.GetEnvironmentVariable(IndustryModelSpec.Variable),
                    IndustryModelSource = result.GetValue(industryModel) is null ? IndustryModelSpec.Variable : "--industry-model",
                    LlmThreads = result.GetValue(llmThreads),
                },
            },
            result.GetValue(quiet), cancellationToken));
        return command;
    }

    private static Task<int> ExecuteAsync(EvaluationOptions options, bool quiet, CancellationToken cancellationToken)
    {
        return CommandErrors.GuardAsync("eval", async () =>
        {
            var result = await ProgressBar.RunAsync<EvaluationResult, RunProgress>("eval: pipeline over the simulation", quiet, p => (p.Done, p.Total),
                progress => SimulationEvaluation.RunAsync(options, progress, cancellationToken));
            if (!quiet)
            {
                WriteTables(result);
            }
            return 0;
        });
    }

    private static void WriteTables(EvaluationResult result)
    {
        var card = result.Scorecard;
        var metrics = new Table().Title("StreamRisk against simulated ground truth").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => metrics.AddRow(Markup.Escape(name), Markup.Escape(value));
        string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
        string F(double value) => EvaluationReport.Number(value);
        Row("news texts in the truth / judged", $"{N(card.TruthTexts)} / {N(card.JudgedTexts)}");
        Row("firm polarity accuracy (true polarity != 0; chance 1/3)", $"{F(card.Polarity.PolarAccuracy)} ({N(card.Polarity.Polar)} pairs)");
        Row("firm polarity accuracy (all pairs)", $"{F(card.Polarity.Accuracy)} ({N(card.Polarity.Total)} pairs)");
        Row("mention precision", F(card.Mentions.Precision));
        Row("mention recall", F(card.Mentions.Recall));
        Row("mention F1", F(card.Mentions.F1));
        foreach (var c in card.Index)
        {
            Row($"index vs {c.Definition}: Pearson / Spearman", $"{F(c.Pearson)} / {F(c.Spearman)} ({N(c.Pairs)} issuer-days)");
        }
        foreach (var c in card.RelatedIndex ?? [])
        {
            Row($"related issuers ({N(card.RelatedIssuers)}) only, vs {c.Definition}", $"{F(c.Pearson)} / {F(c.Spearman)} ({N(c.Pairs)} issuer-days)");
        }
        Row("daily values emitted / bytes", $"{N(card.DailyValuesEmitted)} / {N(card.DailyTopicBytes)}");
        var counters = result.Run.Counters;
        if (counters.IndustryLlmAnswers + counters.IndustryLlmFallbacks > 0)
        {
            // Only with --industry-model, as in run's summary: how many industry texts the LLM read and how many the
            // built-in scorer took over (invalid twice, or unavailable), so a comparison says which model it measured.
            Row("industry texts read by the LLM / taken over by the built-in scorer", $"{N(counters.IndustryLlmAnswers)} / {N(counters.IndustryLlmFallbacks)}");
        }
        AnsiConsole.Write(metrics);

        var confusion = new Table().Title($"firm polarity: true (rows) vs predicted (neutral within +-{card.NeutralBand})")
            .AddColumn("true \\ predicted").AddColumn(new TableColumn("negative").RightAligned())
            .AddColumn(new TableColumn("neutral").RightAligned()).AddColumn(new TableColumn("positive").RightAligned());
        foreach (var truth in PolarityConfusion.Classes)
        {
            confusion.AddRow(truth switch { -1 => "negative", 0 => "neutral", _ => "positive" },
                N(card.Polarity.Count(truth, -1)), N(card.Polarity.Count(truth, 0)), N(card.Polarity.Count(truth, 1)));
        }
        AnsiConsole.Write(confusion);
        AnsiConsole.MarkupLineInterpolated(
            $"pipeline: {result.Run.InputRecords:N0} records in {result.Run.Elapsed.TotalSeconds:0.0} s; evaluation {result.Elapsed.TotalSeconds:0.0} s; report: [blue]{result.ReportPath}[/]");
    }
}
