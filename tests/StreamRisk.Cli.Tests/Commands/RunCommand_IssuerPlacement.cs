using StreamRisk.Tests.Shared;
using StreamRisk.Tests.Shared.Neo4j;

namespace StreamRisk.Cli.Tests.Commands;

/// <summary>
/// Issuers listed without industries are placed by their description: the placements are listed after the run summary
/// and by <c>graph seed</c> (whose BELONGS_TO edges say so); the threshold is an option or a variable, checked with exit
/// 2 before the store is created; an issuer with neither codes nor a description is exit 2 naming file and line.
/// </summary>
public sealed class RunCommand_IssuerPlacement
{
    private static readonly string Input = RepositoryRoot.Of("data/samples/02-handmade.jsonl");

    [Fact]
    public void The_run_lists_the_issuers_placed_by_description_and_a_lower_threshold_places_more()
    {
        var dir = CliProcess.NewTempDirectory();

        var (code, stdout, stderr) = CliProcess.Run("run", "--input", Input, "--db", Path.Combine(dir, "run.db"));
        var (lowCode, lowStdout, lowStderr) = CliProcess.Run("run", "--input", Input, "--db", Path.Combine(dir, "low.db"), "--placement-threshold", "0.2");

        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Contains("issuers placed by description (4; threshold 0.27, hashed-tfidf/1-d4096):", stdout);
        Assert.Contains("  vinci: construction 0.40, transport_infrastructure 0.40\n", stdout.ReplaceLineEndings("\n"));
        Assert.Contains("  peabody: coal 0.78", stdout);
        Assert.True(lowCode == 0, $"exit {lowCode}: {lowStderr}");
        Assert.Contains("issuers placed by description (4; threshold 0.2,", lowStdout);
        Assert.Contains("  vinci: construction 0.40, transport_infrastructure 0.40, building_materials 0.21", lowStdout);
    }

    [Theory]
    [InlineData("--placement-threshold|1.5", "--placement-threshold must be a number in [0, 1] (got 1.5)")]
    [InlineData("--placement-threshold|-0.1", "--placement-threshold must be a number in [0, 1] (got -0.1)")]
    [InlineData("--placement-threshold|high", "high")]
    public void A_bad_threshold_is_exit_2_before_the_store_is_created(string options, string reason)
    {
        foreach (var command in new[] { new[] { "run", "--input", Input }, ["worker", "aggregate"] })
        {
            var dir = CliProcess.NewTempDirectory();
            var db = Path.Combine(dir, "run.db");
            var (code, _, stderr) = CliProcess.Run([.. command, "--db", db, .. options.Split('|')]);
            Assert.True(code == 2, $"{command[0]}: exit {code}: {stderr}");
            Assert.Contains(reason, stderr);
            Assert.False(File.Exists(db), $"{command[0]}: the database was created before the threshold was checked");
        }
    }

    [Fact]
    public void A_bad_variable_is_exit_2_naming_it_and_the_option_wins_over_it()
    {
        var dir = CliProcess.NewTempDirectory();
        var env = new Dictionary<string, string> { ["STREAMRISK_PLACEMENT_THRESHOLD"] = "0,3" };

        var (code, _, stderr) = CliProcess.RunWith(env, "run", "--input", Input, "--db", Path.Combine(dir, "run.db"));
        var (overridden, stdout, overriddenStderr) = CliProcess.RunWith(env, "run", "--input", Input, "--db", Path.Combine(dir, "other.db"),
            "--placement-threshold", "0.5");

        Assert.Equal(2, code);
        Assert.Contains("STREAMRISK_PLACEMENT_THRESHOLD '0,3' is not a number", stderr);
        Assert.True(overridden == 0, $"exit {overridden}: {overriddenStderr}");
        // Nothing reaches 0.5 for Vinci: the single most similar industry.
        Assert.Contains("  vinci: construction 0.40\n", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_issuer_with_neither_industries_nor_description_is_exit_2_naming_file_and_line()
    {
        var dir = CliProcess.NewTempDirectory();
        var issuers = Path.Combine(dir, "my-issuers.csv");
        File.WriteAllLines(issuers,
        [
            "issuer_id,legal_name,aliases,tickers,industries,description",
            "texaco,Texaco Inc,Texaco,TX,oil_gas,",
            "mystery,Mystery Holdings Inc,Mystery Holdings,,,",
        ]);

        var (code, _, stderr) = CliProcess.Run("run", "--input", Input, "--issuers", issuers, "--db", Path.Combine(dir, "run.db"));

        Assert.Equal(2, code);
        Assert.Contains($"{issuers} line 3, field 'industries': issuer 'mystery' has neither an industry nor a description", stderr);
        Assert.Contains("'description' field", stderr);
    }

    [Fact]
    public async Task Graph_seed_lists_the_placements_and_its_belongs_to_edges_say_how_they_were_made()
    {
        await using var neo4j = await FakeNeo4jServer.StartAsync();
        var login = new Dictionary<string, string> { ["STREAMRISK_NEO4J_USER"] = "neo4j", ["STREAMRISK_NEO4J_PASSWORD"] = "test-password" };

        var (code, stdout, stderr) = CliProcess.RunWith(login, "graph", "seed", "--neo4j", neo4j.Address.ToString());

        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Contains("issuers placed by description (4; threshold 0.27", stdout);
        var vinci = neo4j.BelongsTo[("vinci", "transport_infrastructure")];
        Assert.Equal("description", vinci["placed_by"]!.GetValue<string>());
        Assert.InRange(vinci["similarity"]!.GetValue<double>(), 0.27, 1);
        Assert.Equal("industry_codes", neo4j.BelongsTo[("exxon", "oil_gas")]["placed_by"]!.GetValue<string>());
        Assert.False(neo4j.BelongsTo.ContainsKey(("vinci", "building_materials")));
    }
}
