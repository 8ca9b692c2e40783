using System.Globalization;
using StreamRisk.Infrastructure.RealData;

namespace StreamRisk.RiskModels.Training.Default.RealData;

/// <summary>A cross-sectional credit set as flat rows: label 1 = bad (defaulted), 0 = good. NaN = missing number.</summary>
public sealed record BinaryTabularSet(string Name, IReadOnlyList<string> FeatureNames, double[][] Features, int[] Labels)
{
    public double BadRate => Labels.Average();
}

/// <summary>
/// The real credit sets of data/real (data/real/SOURCES.md) as <see cref="BinaryTabularSet"/>s. The files are read by
/// the schema-checked loader (<see cref="RealDatasets"/>: a wrong header, field count or cell names file, line and
/// column); here each text column becomes one 0/1 column per category (categories sorted; a missing category is all 0),
/// numbers stay raw (missing → NaN, imputed by the standardisation), and the class column must read good or bad.
/// </summary>
public static class RealCreditSets
{
    public const string GermanCredit = "german_credit";
    public const string CreditData = "credit_data";
    public const string LendingClub = "lending_club";

    public static IReadOnlyList<string> Names { get; } = [GermanCredit, CreditData, LendingClub];

    /// <summary>Loads one set by name (<see cref="Names"/>) from <paramref name="directory"/> (e.g. data/real).</summary>
    public static BinaryTabularSet Load(string directory, string name) => name switch
    {
        GermanCredit => Encode(directory, RealDatasets.GermanCredit, name, "Class"),
        CreditData => Encode(directory, RealDatasets.CreditData, name, "Status"),
        LendingClub => Encode(directory, RealDatasets.LendingClub, name, "Class"),
        _ => throw new ArgumentException($"unknown real credit set '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };

    private static BinaryTabularSet Encode(string directory, RealDataSchema schema, string name, string classColumn)
    {
        var path = Path.Combine(directory, schema.FileName);
        var table = RealDatasets.Load(directory, schema);
        var labels = new int[table.RowCount];
        var classes = table.Texts(classColumn);
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = classes[i]?.ToLowerInvariant() switch
            {
                "good" => 0,
                "bad" => 1,
                // Line i + 2: the header is line 1.
                _ => throw new RealDataFormatException(path, i + 2, classColumn, $"'{classes[i]}' is neither good nor bad"),
            };
        }

        var names = new List<string>();
        var columns = new List<double[]>();
        foreach (var column in schema.Columns)
        {
            if (column.Name == classColumn) continue;
            if (column.Type == RealDataColumnType.Number)
            {
                names.Add(column.Name);
                columns.Add([.. table.Numbers(column.Name)]);
            }
            else if (column.Type == RealDataColumnType.Text)
            {
                var values = table.Texts(column.Name);
                foreach (var category in values.Where(v => v is not null).Distinct().Order(StringComparer.Ordinal))
                {
                    names.Add(string.Create(CultureInfo.InvariantCulture, $"{column.Name}={category}"));
                    columns.Add(values.Select(v => v == category ? 1.0 : 0.0).ToArray());
                }
            }
        }
        var rows = Enumerable.Range(0, table.RowCount).Select(i => columns.Select(c => c[i]).ToArray()).ToArray();
        return new BinaryTabularSet(name, names, rows, labels);
    }
}
