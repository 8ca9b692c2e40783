using FsCheck;
using FsCheck.Xunit;
using StreamRisk.Core.Events;

namespace StreamRisk.Core.Tests.Events;

public class Rfc3339_Parsing
{
    [Theory]
    [InlineData("2024-05-01T09:30:00Z", "2024-05-01T09:30:00.0000000+00:00")]
    [InlineData("2024-05-01t09:30:00z", "2024-05-01T09:30:00.0000000+00:00")]
    [InlineData("2024-05-01 09:30:00Z", "2024-05-01T09:30:00.0000000+00:00")]
    [InlineData("2024-05-01T09:30:00.123456789+05:30", "2024-05-01T09:30:00.1234567+05:30")]
    [InlineData("2024-05-01T09:30:00.5-08:00", "2024-05-01T09:30:00.5000000-08:00")]
    [InlineData("2024-05-01T09:30:00-00:00", "2024-05-01T09:30:00.0000000+00:00")]
    [InlineData("2016-12-31T23:59:60Z", "2016-12-31T23:59:59.9999999+00:00")]
    [InlineData("2016-12-31T15:59:60-08:00", "2016-12-31T15:59:59.9999999-08:00")]
    [InlineData("2024-02-29T00:00:00Z", "2024-02-29T00:00:00.0000000+00:00")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000+00:00")]
    [InlineData("9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.9999999+00:00")]
    public void Accepts_rfc_3339(string text, string expected)
    {
        Assert.True(Rfc3339.TryParse(text, out var value));
        Assert.Equal(expected, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-05-01")]
    [InlineData("2024-05-01T09:30:00")]
    [InlineData("2024-05-01T09:30Z")]
    [InlineData("2024-05-01T09:30:00.Z")]
    [InlineData("2024-05-01T09:30:00+0200")]
    [InlineData("2024-05-01T09:30:00+24:00")]
    [InlineData("2024-05-01T09:30:00 Z")]
    [InlineData("2024-05-01T09:30:00Z ")]
    [InlineData(" 2024-05-01T09:30:00Z")]
    [InlineData("2024-05-01_09:30:00Z")]
    [InlineData("24-05-01T09:30:00Z")]
    [InlineData("2024-13-01T09:30:00Z")]
    [InlineData("2023-02-29T09:30:00Z")]
    [InlineData("2024-04-31T09:30:00Z")]
    [InlineData("2024-05-01T24:00:00Z")]
    [InlineData("2024-05-01T09:60:00Z")]
    [InlineData("2024-05-01T09:30:60Z")]
    [InlineData("2024-05-01T09:59:61Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("２０２４-05-01T09:30:00Z")]
    public void Refuses_anything_else(string text) => Assert.False(Rfc3339.TryParse(text, out _));

    [Fact]
    public void Describes_a_refused_value_with_an_example_and_shortens_a_long_one()
    {
        Assert.Equal("'soon' is not an RFC 3339 timestamp, e.g. 2024-05-01T09:30:00Z", Rfc3339.Describe("soon"));
        Assert.StartsWith($"'{new string('x', 64)}… (100,000 characters)'", Rfc3339.Describe(new string('x', 100_000)));
    }

    [Property(MaxTest = 500)]
    public bool Reads_back_what_the_wire_format_writes(DateTimeOffset value)
    {
        var written = EventJson.SerializeToString(value).Trim('"');
        return Rfc3339.TryParse(written, out var read) && read == value && read.Offset == value.Offset;
    }

    [Property(MaxTest = 500)]
    public void Never_throws(string? text) => Rfc3339.TryParse(text ?? "", out _);
}
