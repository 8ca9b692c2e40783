namespace StreamRisk.Core.Reference;

/// <summary>Parses <c>topics.csv</c>: <c>topic_id,category,name,definition</c>; categories must be one of <see cref="TopicCategories.All"/>.</summary>
public static class TopicTable
{
    public const string FileName = "topics.csv";
    private static readonly string[] Columns = ["topic_id", "category", "name", "definition"];

    public static IReadOnlyList<Topic> Parse(ReferenceFile file)
    {
        var table = CsvTable.Parse(file, Columns, "topic");
        var topics = new List<Topic>(table.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = table.Id(row, "topic_id");
            if (!seen.TryAdd(id, row.LineNumber))
            {
                throw table.Error(row, "topic_id", $"duplicate topic id '{id}' (first defined on line {seen[id]})");
            }

            var category = table.Required(row, "category");
            var canonical = TopicCategories.Canonical(category)
                ?? throw table.Error(row, "category",
                    $"unknown category '{category}'; use one of: {string.Join(", ", TopicCategories.All)}");
            topics.Add(new Topic(id, canonical, table.Required(row, "name"), table.Required(row, "definition")));
        }

        return topics;
    }
}
