using System.Text;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Infrastructure.Tests.Reference;

/// <summary>
/// An <c>--issuers</c> file with names that cannot be matched as written loads, and the loader collects one warning per
/// case with the file's full path and the line: too-short aliases and tickers are ignored, shared aliases resolved.
/// </summary>
public sealed class ReferenceDataLoader_Warnings : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("refwarn-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteIssuers(params string[] rows)
    {
        var path = Path.Combine(_dir, "my-issuers.csv");
        File.WriteAllText(path, string.Join('\n', ["issuer_id,legal_name,aliases,tickers,industries", .. rows]) + "\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private static Core.Reference.ReferenceData Load(string issuers) => ReferenceDataLoader.Load(RepositoryRoot.Of("data", "reference"), issuers);

    [Fact]
    public void A_one_letter_alias_is_ignored_and_reported_with_the_issuer_files_path_and_line()
    {
        var path = WriteIssuers("acme,Acme Corp,Acme|A,ACM,banks", "bny,Bank of New York Co,BNY,BK,banks");

        var data = Load(path);

        Assert.Equal(["Acme"], data.Issuers[0].Aliases);
        var warning = Assert.Single(data.Warnings);
        Assert.StartsWith($"{path} line 2, field 'aliases': alias 'A' of 'acme' has fewer than 2 letters or digits", warning.Message);
    }

    [Fact]
    public void A_punctuation_only_ticker_is_ignored_and_reported()
    {
        var path = WriteIssuers("bny,Bank of New York Co,BNY,BK,banks", "acme,Acme Corp,Acme,-,banks");

        var data = Load(path);

        Assert.Empty(data.Issuers[1].Tickers);
        Assert.StartsWith($"{path} line 3, field 'tickers': ticker '-' of 'acme' has no letter or digit", Assert.Single(data.Warnings).Message);
    }

    [Fact]
    public void An_alias_on_two_issuers_is_reported_naming_the_alias_both_issuers_and_their_lines()
    {
        var path = WriteIssuers("bny,Bank of New York Co,BNY|The Bank,BK,banks", "acme,Acme Corp,Acme,ACM,banks", "chase,Chase Manhattan Corp,Chase|the bank,CMB,banks");

        var data = Load(path);

        Assert.Equal(["BNY"], data.Issuers[0].Aliases);
        Assert.Equal(["Chase"], data.Issuers[2].Aliases);
        var message = Assert.Single(data.Warnings).Message;
        Assert.StartsWith($"{path} line 2, field 'aliases': 'The Bank' names 2 issuers: 'bny' (line 2, aliases), 'chase' (line 4, aliases).", message);
        Assert.Contains("links to none", message);
    }

    [Fact]
    public void The_shipped_issuer_files_load_without_warnings()
    {
        Assert.Empty(ReferenceDataLoader.Load(RepositoryRoot.Of("data", "reference")).Warnings);
        Assert.Empty(Load(RepositoryRoot.Of("data", "samples", "issuers.csv")).Warnings);
    }
}
