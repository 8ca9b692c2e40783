using System.Globalization;

namespace StreamRisk.Core.Reference;

/// <summary>
/// Parses <c>topic_industry.csv</c>: <c>topic_id,industry_id,weight</c>, the topic→industry matrix in long form.
/// Every id must exist, each pair may appear once, weights lie in [−1, 1], and every topic needs at least one
/// industry (an unmapped topic could never move any industry's sentiment).
/// </summary>
public static class TopicIndustryTable
{
    public const string FileName = "topic_industry.csv";
    private static readonly string[] Columns = ["topic_id", "industry_id", "weight"];

    public static IReadOnlyList<TopicIndustryLink> Parse(ReferenceFile file, IReadOnlyList<Topic> topics, IReadOnlyList<Industry> industries)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(industries);
        var table = CsvTable.Parse(file, Columns, "topic-industry link");
        var topicIds = new HashSet<string>(topics.Count, StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            topicIds.Add(topic.TopicId);
        }

        var industryIds = new HashSet<string>(industries.Count, StringComparer.Ordinal);
        foreach (var industry in industries)
        {
            industryIds.Add(industry.IndustryId);
        }

        var links = new List<TopicIndustryLink>(table.Rows.Count);
        var seen = new Dictionary<(string, string), int>();
        var mapped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var topicId = table.Required(row, "topic_id");
            if (!topicIds.Contains(topicId))
            {
                throw table.Error(row, "topic_id", $"unknown topic '{topicId}' (known ids are in {TopicTable.FileName})");
            }

            var industryId = table.Required(row, "industry_id");
            if (!industryIds.Contains(industryId))
            {
                throw table.Error(row, "industry_id", $"unknown industry '{industryId}' (known ids are in {IndustryTable.FileName})");
            }

            var weight = ParseWeight(table, row);
            if (!seen.TryAdd((topicId, industryId), row.LineNumber))
            {
                throw table.Error(row, "industry_id",
                    $"topic '{topicId}' is already linked to industry '{industryId}' on line {seen[(topicId, industryId)]}; keep one row per pair");
            }

            mapped.Add(topicId);
            links.Add(new TopicIndustryLink(topicId, industryId, weight));
        }

        foreach (var topic in topics)
        {
            if (!mapped.Contains(topic.TopicId))
            {
                throw new ReferenceDataException(file.Name, null, null,
                    $"topic '{topic.TopicId}' has no industry; add at least one row '{topic.TopicId},<industry_id>,<weight>'");
            }
        }

        return links;
    }

    private static double ParseWeight(CsvTable table, CsvRecord row)
    {
        var text = table.Required(row, "weight");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !double.IsFinite(weight))
        {
            throw table.Error(row, "weight", $"'{text}' is not a number; expected a number between -1 and 1 with '.' as the decimal point");
        }

        if (weight is < -1.0 or > 1.0)
        {
            throw table.Error(row, "weight", $"{text} is outside [-1, 1]; the sign gives the direction, the size the strength");
        }

        return weight;
    }
}
