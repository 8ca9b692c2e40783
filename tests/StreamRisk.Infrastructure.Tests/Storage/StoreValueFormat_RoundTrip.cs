using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Events;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>Every value written to a column reads back as the same value.</summary>
public sealed class StoreValueFormat_RoundTrip
{
    [Property(MaxTest = 300)]
    public bool An_instant_reads_back_as_the_same_instant_in_utc(long ticks, short offsetMinutes)
    {
        var utcTicks = (long)((ulong)ticks % (ulong)(DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay)) + TimeSpan.TicksPerDay / 2;
        var offset = TimeSpan.FromMinutes(offsetMinutes % (14 * 60));
        var instant = new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(offset);

        var read = StoreValueFormat.ParseInstant(StoreValueFormat.Instant(instant));

        return read.UtcTicks == instant.UtcTicks && read.Offset == TimeSpan.Zero;
    }

    [Property(MaxTest = 100)]
    public bool Instants_sort_as_text_in_time_order(DateTime a, DateTime b)
    {
        var x = new DateTimeOffset(DateTime.SpecifyKind(a, DateTimeKind.Utc));
        var y = new DateTimeOffset(DateTime.SpecifyKind(b, DateTimeKind.Utc));
        return Math.Sign(string.CompareOrdinal(StoreValueFormat.Instant(x), StoreValueFormat.Instant(y))) == Math.Sign(x.CompareTo(y));
    }

    [Property(MaxTest = 100)]
    public bool A_day_reads_back_as_the_same_day(int dayNumber)
    {
        var day = DateOnly.FromDayNumber((int)((uint)dayNumber % (uint)DateOnly.MaxValue.DayNumber));
        return StoreValueFormat.ParseDay(StoreValueFormat.Day(day)) == day;
    }

    [Property(MaxTest = 200)]
    public bool A_string_list_reads_back_unchanged(NonNull<string>[] values)
    {
        var list = values.Select(v => v.Get).ToList();
        return StoreValueFormat.ParseStringList(StoreValueFormat.StringList(list)).SequenceEqual(list);
    }

    [Property(MaxTest = 200)]
    public Property Topic_hits_read_back_bit_for_bit(NonNull<string>[] ids, NormalFloat[] similarities)
    {
        var hits = ids.Zip(similarities, (id, s) => new TopicHit(id.Get, s.Get)).ToList();
        var read = StoreValueFormat.ParseTopicHits(StoreValueFormat.TopicHits(hits));
        return (read.Count == hits.Count && read.Zip(hits).All(p =>
            p.First.TopicId == p.Second.TopicId
            && BitConverter.DoubleToInt64Bits(p.First.Similarity) == BitConverter.DoubleToInt64Bits(p.Second.Similarity)))
            .Label(StoreValueFormat.TopicHits(hits));
    }

    [Property(MaxTest = 200)]
    public bool A_number_map_reads_back_and_equal_maps_give_equal_text(NonNull<string>[] keys, NormalFloat[] values)
    {
        var pairs = keys.Zip(values).GroupBy(p => p.First.Get).Select(g => g.First()).ToList();
        var forward = pairs.ToDictionary(p => p.First.Get, p => p.Second.Get);
        var backward = Enumerable.Reverse(pairs).ToDictionary(p => p.First.Get, p => p.Second.Get);

        var text = StoreValueFormat.NumberMap(forward);
        var read = StoreValueFormat.ParseNumberMap(text);

        return text == StoreValueFormat.NumberMap(backward)
            && read.Count == forward.Count
            && forward.All(kv => BitConverter.DoubleToInt64Bits(read[kv.Key]) == BitConverter.DoubleToInt64Bits(kv.Value));
    }

    [Theory]
    [InlineData(RiskClass.Performing)]
    [InlineData(RiskClass.Extended)]
    [InlineData(RiskClass.Defaulted)]
    public void A_risk_class_reads_back_by_its_wire_name(RiskClass value) =>
        Assert.Equal(value, StoreValueFormat.ParseRiskClass(StoreValueFormat.RiskClassName(value)));
}
