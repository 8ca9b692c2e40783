using StreamRisk.Core.Reference;
using static StreamRisk.Core.Tests.Reference.ReferenceFiles;

namespace StreamRisk.Core.Tests.Reference;

public class TopicTable_Validation
{
    [Fact]
    public void Category_is_matched_ignoring_case_and_stored_canonically()
    {
        var topics = TopicTable.Parse(Lines("topics.csv", "topic_id,category,name,definition", "t1,Natural Disasters,Typhoon,\"Storm, surge.\""));

        Assert.Equal(new Topic("t1", "natural disasters", "Typhoon", "Storm, surge."), topics[0]);
    }

    [Fact]
    public void Unknown_category_lists_the_ten_valid_ones()
    {
        var e = Assert.Throws<ReferenceDataException>(() =>
            TopicTable.Parse(Lines("topics.csv", "topic_id,category,name,definition", "t1,world economy,A,B", "t2,weather,Typhoon,Storm")));

        Assert.Equal(3, e.LineNumber);
        Assert.Equal("category", e.Field);
        foreach (var category in TopicCategories.All)
        {
            Assert.Contains(category, e.Message);
        }
    }

    [Fact]
    public void Duplicate_topic_id_is_rejected()
    {
        var e = Assert.Throws<ReferenceDataException>(() =>
            TopicTable.Parse(Lines("topics.csv", "topic_id,category,name,definition", "t1,technology,A,B", "t1,technology,C,D")));

        Assert.Equal("topics.csv line 3, field 'topic_id': duplicate topic id 't1' (first defined on line 2)", e.Message);
    }

    [Fact]
    public void Empty_definition_is_rejected()
    {
        var e = Assert.Throws<ReferenceDataException>(() => TopicTable.Parse(Lines("topics.csv", "topic_id,category,name,definition", "t1,technology,A,\"\"")));

        Assert.Equal("definition", e.Field);
    }

    [Fact]
    public void There_are_exactly_ten_distinct_categories()
    {
        Assert.Equal(10, TopicCategories.All.Distinct().Count());
        Assert.Null(TopicCategories.Canonical("economics"));
    }
}
