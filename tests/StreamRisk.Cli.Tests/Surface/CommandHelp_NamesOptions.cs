using System.Text.RegularExpressions;
using StreamRisk.Pipeline.Hosting;

namespace StreamRisk.Cli.Tests.Surface;

/// <summary>
/// The documented command surface (README's command table, docs/models.md): every command answers <c>--help</c> with
/// exit code 0 and lists the options and subcommands users and deployment files rely on.
/// </summary>
public sealed class CommandHelp_NamesOptions
{
    private static readonly string[] IndustryModelOptions = ["--industry-model", "--industry-model-name", "--industry-prompt", "--llm-threads"];

    private static readonly string[] RetrievalOptions = ["--vector-index", "--qdrant", "--graph", "--neo4j", "--spillover-decay", "--spillover-hops"];

    private static readonly string[] ModelOptions =
        [.. RetrievalOptions, "--firm-model", "--ner-model", "--ner-mode", "--embedding-model", "--execution-provider", "--allow-cpu-fallback", "--onnx-threads", "--spread-model", .. IndustryModelOptions];

    private static readonly string[] StoreOptions = ["--store", "--db", "--postgres"];
    private static readonly string[] BusOptions = ["--bus", "--kafka-bootstrap"];

    public static TheoryData<string, string[]> Commands => new()
    {
        { "", ["run", "ingest", "replay", "worker", "db", "topics", "index", "graph", "dlq", "simulate", "eval", "train", "teams", "serve"] },
        { "serve", ["--urls", "--reference", .. StoreOptions] },
        { "run", ["--input", "--issuers", "--reference", "--out", "--db", "--batch-size", "--chunk-size", "--quiet", .. ModelOptions] },
        { "ingest", ["--input", "--out", "--db", "--batch-size", "--chunk-size", "--quiet"] },
        { "replay", ["--from", "--issuers", "--reference", "--out", "--db", "--batch-size", "--chunk-size", "--quiet", .. ModelOptions] },
        { "worker", ["--reference", "--batch-size", "--firm-model", "--spread-model", .. BusOptions, .. StoreOptions, .. IndustryModelOptions, .. RetrievalOptions] },
        { "db", ["migrate"] },
        { "db migrate", ["--retries", .. StoreOptions] },
        { "topics", ["apply"] },
        { "index", ["seed"] },
        { "index seed", ["--qdrant", "--reference", "--embedding-model"] },
        { "graph", ["seed"] },
        { "graph seed", ["--neo4j", "--reference"] },
        { "topics apply", ["--kafka-bootstrap", "--file", "--replication-factor"] },
        { "dlq", ["list", "redrive"] },
        { "dlq list", ["--limit", .. StoreOptions] },
        { "dlq redrive", ["--id", "--reason", .. BusOptions, .. StoreOptions] },
        { "simulate", ["--issuers", "--years", "--seed", "--out", "--news-per-issuer-year", "--related-share", "--reference", "--macro", "--quiet"] },
        { "eval", ["--sim", "--out", "--reference", "--chunk-size", "--horizon", "--neutral-band", "--spillover-decay", "--spillover-hops", "--industry-model", "--llm-threads", "--quiet", "spread"] },
        { "eval spread", ["--sim", "--index", "--out", "--seeds", "--models", "--window", "--epochs", "--patience", "--max-train", "--max-issuers", "--quiet"] },
        { "train", ["spread", "sentiment", "default"] },
        { "train sentiment", ["--data", "--test", "--out", "--vocab", "--seed", "--epochs", "--patience", "--validation-fraction", "--threads",
            "--model-id", "--synthetic-sentences", "--aspect-scope", "--lexicon-features", "--mention-masking", "--width", "--lr-schedule", "--teachers", "--distillation-weight", "--ensemble", "--quiet"] },
        { "eval sentiment", ["--model", "--data", "--out", "--predictions"] },
        { "train spread", ["--sim", "--index", "--out", "--seed", "--without-sentiment", "--window", "--epochs", "--max-train", "--quiet"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_exits_0_and_names_every_option(string command, string[] names)
    {
        var (code, stdout, stderr) = CliInvocation.Run([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
        Assert.True(code == 0, $"streamrisk {command} --help exited {code}: {stderr}");
        foreach (var name in names)
        {
            Assert.True(Regex.IsMatch(stdout, $@"(?<![\w-]){Regex.Escape(name)}(?![\w-])"), $"streamrisk {command} --help does not name {name}:\n{stdout}");
        }
    }

    [Fact]
    public void Worker_help_names_every_stage()
    {
        var (code, stdout, _) = CliInvocation.Run("worker", "--help");
        Assert.Equal(0, code);
        Assert.All(StageNames.Each, stage => Assert.Contains(stage, stdout));
    }
}
