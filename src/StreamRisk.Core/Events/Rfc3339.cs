using System.Globalization;

namespace StreamRisk.Core.Events;

/// <summary>
/// Reads RFC 3339 timestamps (<c>2024-05-01T09:30:00Z</c>, <c>2024-05-01t09:30:00.25+02:00</c>): the whole grammar of
/// section 5.6, case-insensitive as its ABNF is, plus the space between date and time that section 5.6's note allows.
/// .NET's own ISO 8601 readers refuse the leap second, lowercase <c>t</c>/<c>z</c> and the space, and accept forms
/// RFC 3339 does not (no offset, date only), which would silently read as local or midnight times.
/// </summary>
public static class Rfc3339
{
    /// <summary>An example for messages that refuse a timestamp.</summary>
    public const string Example = "2024-05-01T09:30:00Z";

    /// <summary>The sentence a refused timestamp gets, with the value shortened so that a huge value gives a short line.</summary>
    public static string Describe(string value) => $"'{Shorten(value)}' is not an RFC 3339 timestamp, e.g. {Example}";

    public static bool TryParse(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        // yyyy-mm-ddThh:mm:ss is 19 characters; the shortest offset ("Z") makes 20.
        if (s.Length < 20
            || !Digits(s, 0, 4, out var year) || s[4] != '-' || !Digits(s, 5, 2, out var month) || s[7] != '-'
            || !Digits(s, 8, 2, out var day) || s[10] is not ('T' or 't' or ' ')
            || !Digits(s, 11, 2, out var hour) || s[13] != ':' || !Digits(s, 14, 2, out var minute) || s[16] != ':'
            || !Digits(s, 17, 2, out var second))
        {
            return false;
        }
        var at = 19;
        long fractionTicks = 0;
        if (s[at] == '.')
        {
            var start = ++at;
            long scale = TimeSpan.TicksPerSecond;
            while (at < s.Length && char.IsAsciiDigit(s[at]))
            {
                // Digits past the seventh are below a tick: read and dropped.
                scale /= 10;
                fractionTicks += (s[at] - '0') * scale;
                at++;
            }
            if (at == start) return false;
        }
        if (!TryOffset(s[at..], out var offsetMinutes)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }
        // A leap second (only ever the last second of a minute) is read as the last tick of second 59: the same day and
        // order-preserving, where .NET has no 61st second to put it in.
        if (second == 60)
        {
            if (minute != 59) return false;
            second = 59;
            fractionTicks = TimeSpan.TicksPerSecond - 1;
        }
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        var utc = local - offsetMinutes * TimeSpan.TicksPerMinute;
        // 0001-01-01T00:00:00+01:00 or 9999-12-31T23:59:59-01:00 are valid RFC 3339 but outside DateTimeOffset's range.
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks) return false;
        value = new DateTimeOffset(local, TimeSpan.FromMinutes(offsetMinutes));
        return true;
    }

    /// <summary>"Z", "z", or ±hh:mm; "-00:00" (offset unknown) reads as UTC, as RFC 3339 section 4.3 means it.</summary>
    private static bool TryOffset(ReadOnlySpan<char> s, out int minutes)
    {
        minutes = 0;
        if (s is ['Z' or 'z']) return true;
        if (s.Length != 6 || s[0] is not ('+' or '-') || s[3] != ':' || !Digits(s, 1, 2, out var h) || !Digits(s, 4, 2, out var m)
            || h > 23 || m > 59)
        {
            return false;
        }
        minutes = (s[0] == '-' ? -1 : 1) * (h * 60 + m);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }

    private static string Shorten(string value)
    {
        if (value.Length <= 64) return value;
        var cut = char.IsHighSurrogate(value[63]) ? 63 : 64; // never half a pair
        return string.Create(CultureInfo.InvariantCulture, $"{value.AsSpan(0, cut)}… ({value.Length:N0} characters)");
    }
}
