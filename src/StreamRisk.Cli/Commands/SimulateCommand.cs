using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using StreamRisk.Pipeline.Evaluation;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk simulate</c>: writes a seeded simulated bond market (inputs in the pipeline's schemas plus ground truth).</summary>
internal static class SimulateCommand
{
    // Sizes a run can finish: 500 issuers x 4 years take 3.3 s and 87 MB here (2 cores), so the issuer-year bound keeps a
    // run within about 6 minutes and 9 GB, and the news bound keeps texts within about 150 times that run's 68,000.
    // Larger values are refused up front instead of running for hours or filling the disk.
    public const int MaxIssuers = 100_000;
    public const long MaxIssuerYears = 200_000;
    public const double MaxIssuerNews = 10_000_000;

    public static Command Create()
    {
        var issuers = new Option<int>("--issuers")
        {
            Description = $"Number of simulated issuers (1..{MaxIssuers}; issuers x years at most {MaxIssuerYears}).",
            Required = true,
        };
        var years = new Option<int>("--years") { Description = "Length of the simulated period in years (1..60), from 1999-01-01.", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same options and seed write byte-identical files.", Required = true };
        var out_ = new Option<string>("--out", "-o") { Description = "Folder to write to (created if missing; files of an earlier run there are replaced).", Required = true };
        var newsRate = new Option<double>("--news-per-issuer-year")
        {
            Description = $"Mean issuer-driven news texts per active issuer per year (0..10000; issuers x years x this at most {MaxIssuerNews:0}).",
            DefaultValueFactory = _ => 24,
        };
        var extendedShare = new Option<double>("--extended-share")
        {
            Description = "Share of issuers whose final class is extended (payment extension, no default), in [0, 1]; with --defaulted-share below 0.5.",
            DefaultValueFactory = _ => 0.012,
        };
        var defaultedShare = new Option<double>("--defaulted-share")
        {
            Description = "Share of issuers that default during the period, in [0, 1]; raise both for a default-prediction set with enough failures to test on.",
            DefaultValueFactory = _ => 0.007,
        };
        var relatedShare = new Option<double>("--related-share")
        {
            Description = "Share of issuers given a supplier/customer or parent/subsidiary link to another issuer, in [0, 1] (written to issuer_relations.csv); "
                + "a linked issuer's latent credit shocks partly move its partner's (contagion). Default 0: no links, and every other file as without the option.",
            DefaultValueFactory = _ => 0,
        };
        var rate = new Option<double?>("--rate")
        {
            Description = "Write news in real time at R texts per second (flushed line by line) so a reader tailing news.jsonl sees a live feed; default: as fast as possible.",
        };
        var reference = CommonOptions.Reference();
        var macro = new Option<MacroSource>("--macro")
        {
            Description = "Macro path: 'drawn' by the simulator, or 'real' anchored on data/real/macrodata.csv (US quarterly macro 1959-2009).",
            DefaultValueFactory = _ => MacroSource.Drawn,
        };
        var quiet = CommonOptions.Quiet();
        var command = new Command("simulate", "Write a simulated bond market with known ground truth: news.jsonl, fundamentals.jsonl, spreads.jsonl, "
            + "disclosures.jsonl, issuers.csv and truth/ (latent credit, polarity per text and issuer, outcomes).")
        {
            issuers, years, seed, out_, newsRate, extendedShare, defaultedShare, relatedShare, rate, reference, macro, quiet,
        };
        command.SetAction((result, cancellationToken) => ExecuteAsync(
            new SimulateOptions
            {
                Issuers = result.GetValue(issuers),
                Years = result.GetValue(years),
                Seed = result.GetValue(seed),
                OutDirectory = result.GetValue(out_)!,
                NewsPerIssuerPerYear = result.GetValue(newsRate),
                ExtendedShare = result.GetValue(extendedShare),
                DefaultedShare = result.GetValue(defaultedShare),
                RelatedShare = result.GetValue(relatedShare),
                NewsPerSecond = result.GetValue(rate),
                ReferenceDirectory = result.GetValue(reference),
                Macro = result.GetValue(macro),
            },
            result.GetValue(quiet), cancellationToken));
        return command;
    }

    private static Task<int> ExecuteAsync(SimulateOptions options, bool quiet, CancellationToken cancellationToken)
    {
        return CommandErrors.GuardAsync("simulate", async () =>
        {
            CheckSize(options);
            var summary = await ProgressBar.RunAsync<SimulationRunSummary, SimulationProgress>("simulate: days", quiet, p => (p.DaysDone, p.DaysTotal),
                progress => MarketSimulationRun.RunAsync(options, progress, TimeProvider.System, cancellationToken));
            if (!quiet)
            {
                WriteSummary(summary);
            }
            return 0;
        });
    }

    /// <summary>Refuses sizes that cannot finish (the lower bounds and --years' range are the simulator's own checks).</summary>
    private static void CheckSize(SimulateOptions options)
    {
        if (options.Issuers > MaxIssuers)
        {
            throw new ConfigurationException($"--issuers must be in 1..{MaxIssuers} (got {options.Issuers}): a larger market does not finish in reasonable time");
        }
        if (options.Issuers < 1 || options.Years is < 1 or > 60)
        {
            return;
        }
        var issuerYears = (long)options.Issuers * options.Years;
        if (issuerYears > MaxIssuerYears)
        {
            throw new ConfigurationException($"--issuers x --years must be at most {MaxIssuerYears} (got {options.Issuers} x {options.Years} = {issuerYears}): "
                + "fewer issuers or years, or several seeds");
        }
        if (options.NewsPerIssuerPerYear is >= 0 and <= 10_000 && issuerYears * options.NewsPerIssuerPerYear > MaxIssuerNews)
        {
            throw new ConfigurationException($"--issuers x --years x --news-per-issuer-year must be at most {MaxIssuerNews:0} texts "
                + $"(got {issuerYears * options.NewsPerIssuerPerYear:0}): lower one of them");
        }
    }

    private static void WriteSummary(SimulationRunSummary summary)
    {
        var w = summary.Written;
        var table = new Table().Title("StreamRisk simulation").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
        Row("issuers", N(w.Issuers));
        Row("news texts (news.jsonl)", N(w.NewsTexts));
        Row("disclosure texts (disclosures.jsonl)", N(w.Disclosures));
        Row("quarterly statements (fundamentals.jsonl)", N(w.Statements));
        Row("daily spreads (spreads.jsonl)", N(w.Spreads));
        Row("latent credit rows (truth/latent.csv)", N(w.LatentRows));
        Row("outcome: performing", N(w.Issuers - w.Extended - w.Defaulted));
        Row("outcome: extended", N(w.Extended));
        Row("outcome: defaulted", N(w.Defaulted));
        Row("bytes written", $"{N(summary.BytesWritten)} ({summary.BytesWritten / (1024.0 * 1024.0):0.0} MiB)");
        Row("elapsed", $"{summary.Elapsed.TotalSeconds:0.0} s");
        Row("peak memory (VmHWM)", summary.PeakMemoryBytes is { } peak ? $"{peak / (1024.0 * 1024.0):0} MiB" : "n/a");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"written to [blue]{summary.OutDirectory}[/]");
    }
}
