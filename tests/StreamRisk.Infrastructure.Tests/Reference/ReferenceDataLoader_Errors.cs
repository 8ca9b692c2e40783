using System.Text;
using StreamRisk.Core.Reference;
using StreamRisk.Infrastructure.Reference;

namespace StreamRisk.Infrastructure.Tests.Reference;

public sealed class ReferenceDataLoader_Errors : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("refdata-").FullName;

    public ReferenceDataLoader_Errors()
    {
        Write("industries.csv", "industry_id,name,sector\nbanks,Banks,Financials\noil_gas,Oil and gas,Energy\n");
        Write("topics.csv", "topic_id,category,name,definition\nt1,domestic finance,Bad loans,\"Banks report bad loans, write-offs.\"\n");
        Write("topic_industry.csv", "topic_id,industry_id,weight\nt1,banks,-0.8\n");
        Write("issuers.csv", "issuer_id,legal_name,aliases,tickers,industries\nbny,Bank of New York Co,BNY,BK,banks\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    [Fact]
    public void A_complete_directory_loads()
    {
        var data = ReferenceDataLoader.Load(_dir);

        Assert.Equal(2, data.Industries.Count);
        Assert.Equal("bny", Assert.Single(data.Issuers).IssuerId);
    }

    [Theory]
    [InlineData("industries.csv", "industry_id,name,sector")]
    [InlineData("topics.csv", "topic_id,category,name,definition")]
    [InlineData("topic_industry.csv", "topic_id,industry_id,weight")]
    [InlineData("issuers.csv", "issuer_id,legal_name,aliases,tickers,industries")]
    public void Missing_file_names_its_full_path_and_expected_columns(string file, string columns)
    {
        File.Delete(Path.Combine(_dir, file));

        var e = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(_dir));

        Assert.Equal(Path.Combine(_dir, file), e.FileName);
        Assert.StartsWith(Path.Combine(_dir, file) + ": file not found", e.Message);
        Assert.Contains(columns, e.Message);
    }

    [Fact]
    public void Missing_directory_is_reported()
    {
        var missing = Path.Combine(_dir, "nope");

        var e = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(missing));

        Assert.StartsWith(missing, e.Message);
    }

    [Fact]
    public void Issuer_file_override_replaces_the_directory_issuers()
    {
        var own = Write("mine.csv", "issuer_id,legal_name,aliases,tickers,industries\nhusky,Husky Oil Ltd,Husky,HYO,oil_gas\n");

        var data = ReferenceDataLoader.Load(_dir, own);

        Assert.Equal("husky", Assert.Single(data.Issuers).IssuerId);
    }

    [Fact]
    public void Errors_in_an_override_file_carry_its_full_path()
    {
        var own = Write("mine.csv", "issuer_id,legal_name,aliases,tickers,industries\nhusky,Husky Oil Ltd,Husky,HYO,oil_gas\nx,X Corp,,,IND99\n");

        var e = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(_dir, own));

        Assert.Equal($"{own} line 3, field 'industries': unknown industry 'IND99' (known ids are in industries.csv)", e.Message);
    }

    [Fact]
    public void Invalid_utf8_names_the_line()
    {
        var path = Path.Combine(_dir, "topics.csv");
        byte[] bytes = [.. "topic_id,category,name,definition\nt1,domestic finance,Bad loans,ok\nt2,technology,Chips,"u8, 0xC3, 0x28, (byte)'\n'];
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(_dir));

        Assert.Equal(path, e.FileName);
        Assert.Equal(3, e.LineNumber);
        Assert.Contains("UTF-8", e.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        File.WriteAllText(Path.Combine(_dir, "industries.csv"), "industry_id,name,sector\nbanks,Banks,Financials\noil_gas,Oil,Energy\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal("banks", ReferenceDataLoader.Load(_dir).Industries[0].IndustryId);
    }
}
