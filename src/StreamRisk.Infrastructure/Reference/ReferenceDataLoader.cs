using System.Buffers;
using System.Text.Unicode;
using StreamRisk.Core.Graph;
using StreamRisk.Core.Reference;

namespace StreamRisk.Infrastructure.Reference;

/// <summary>
/// Reads the reference directory (industries.csv, topics.csv, topic_industry.csv, issuers.csv, and issuer_relations.csv
/// when the issuer file's folder has one) and hands the texts to
/// <see cref="ReferenceDataParser"/>. Every problem surfaces as a <see cref="ReferenceDataException"/> naming the full
/// path, so a CLI can print the message and exit; issuer names that load with a documented fix-up (too short, shared
/// by several issuers) are collected in <see cref="ReferenceData.Warnings"/>, with the full path and line.
/// </summary>
public static class ReferenceDataLoader
{
    /// <param name="directory">The folder holding the four reference files (the repository ships <c>data/reference</c>);
    /// issuer_relations.csv is read from the issuer file's folder when there is one.</param>
    /// <param name="issuersFile">An issuer file that replaces <c>issuers.csv</c> (the CLI's <c>--issuers FILE</c>); null to use the directory's.</param>
    /// <param name="placement">How issuers listed without industries are placed by their description; null for the defaults.</param>
    public static ReferenceData Load(string directory, string? issuersFile = null, IssuerPlacementOptions? placement = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new ReferenceDataException(root, null, null,
                $"reference directory not found; it should contain {IndustryTable.FileName}, {TopicTable.FileName}, {TopicIndustryTable.FileName} and {IssuerTable.FileName} (the repository ships them in data/reference)");
        }

        var industries = Read(Path.Combine(root, IndustryTable.FileName), "the industries: industry_id,name,sector[,definition]");
        var topics = Read(Path.Combine(root, TopicTable.FileName), "the topics: topic_id,category,name,definition");
        var matrix = Read(Path.Combine(root, TopicIndustryTable.FileName), "the topic-industry matrix: topic_id,industry_id,weight");
        var issuersPath = Path.GetFullPath(issuersFile ?? Path.Combine(root, IssuerTable.FileName));
        var issuers = Read(issuersPath, IssuerContents);
        // Relations name issuers, so they come from the issuer file's folder: a replaced issuer file (a simulated
        // market's) brings its own relations or none, never the reference issuers'.
        var relationsPath = Path.Combine(Path.GetDirectoryName(issuersPath)!, IssuerRelationTable.FileName);
        var relations = File.Exists(relationsPath)
            ? Read(relationsPath, "the issuer relations: from_issuer_id,to_issuer_id,kind,weight")
            : null;
        return ReferenceDataParser.Parse(industries, topics, matrix, issuers, relations, placement);
    }

    /// <summary>Reads only an issuer file, checked against industries already loaded.</summary>
    /// <param name="warnings">Receives names that load with a warning (see <see cref="ReferenceData.Warnings"/>).</param>
    /// <param name="placement">How issuers listed without industries are placed by their description; null for the defaults.</param>
    public static IReadOnlyList<Issuer> LoadIssuers(string issuersFile, IReadOnlyList<Industry> industries, ICollection<ReferenceDataWarning>? warnings = null,
        IssuerPlacementOptions? placement = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuersFile);
        return IssuerTable.Parse(Read(Path.GetFullPath(issuersFile), IssuerContents), industries, warnings, placement);
    }

    private const string IssuerContents = "the issuers: issuer_id,legal_name,aliases,tickers,industries (lists separated by '|')[,description]";

    private static ReferenceFile Read(string path, string contents)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new ReferenceDataException(path, null, null, $"file not found; it should hold {contents}, one per line after a header");
        }
        catch (DirectoryNotFoundException)
        {
            throw new ReferenceDataException(path, null, null, $"file not found; it should hold {contents}, one per line after a header");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReferenceDataException(path, $"cannot read the file ({e.Message})", e);
        }

        return new ReferenceFile(path, DecodeUtf8(path, bytes));
    }

    // Strict decoding: a replacement character would silently corrupt a name, so point at the bad line instead.
    private static string DecodeUtf8(string path, byte[] bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                var line = 1 + bytes.AsSpan(0, bytesRead).Count((byte)'\n');
                throw new ReferenceDataException(path, line, null,
                    $"invalid UTF-8 at byte {bytesRead}; save the file as UTF-8");
            }

            return new string(chars, 0, charsWritten);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
