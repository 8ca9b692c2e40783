using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace StreamRisk.Infrastructure.Postgres;

/// <summary>One versioned schema change, <c>infra/postgres/NNN_name.sql</c>.</summary>
/// <param name="Checksum">SHA-256 (hex) of the script, so an edited, already applied migration is noticed.</param>
public sealed partial record PostgresMigration(int Version, string Name, string Sql, string Checksum)
{
    private const string ResourcePrefix = "StreamRisk.Infrastructure.Postgres.Migrations.";

    /// <summary>Builds a migration from its file name (<c>NNN_name.sql</c>) and text.</summary>
    public static PostgresMigration FromFile(string fileName, string sql)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new FormatException($"migration file {fileName} is not named NNN_name.sql");
        }
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new PostgresMigration(
            int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, sql, checksum);
    }

    /// <summary>Orders migrations by version; two scripts with one version are an error.</summary>
    public static IReadOnlyList<PostgresMigration> InOrder(IEnumerable<PostgresMigration> migrations)
    {
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version)
            {
                throw new InvalidOperationException(
                    $"migrations {ordered[i - 1].Name} and {ordered[i].Name} share version {ordered[i].Version}");
            }
        }
        return ordered;
    }

    /// <summary>The scripts of <c>infra/postgres</c> as embedded in this assembly, in version order.</summary>
    public static IReadOnlyList<PostgresMigration> Embedded()
    {
        var assembly = typeof(PostgresMigration).Assembly;
        var migrations = new List<PostgresMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            migrations.Add(FromFile(resource[ResourcePrefix.Length..], reader.ReadToEnd()));
        }
        return InOrder(migrations);
    }

    [GeneratedRegex(@"^(?<version>\d{3,})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
