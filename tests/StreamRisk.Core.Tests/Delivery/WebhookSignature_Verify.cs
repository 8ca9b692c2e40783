using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Delivery;

namespace StreamRisk.Core.Tests.Delivery;

public sealed class WebhookSignature_Verify
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event_id":"a1:r0","issuer_id":"iss001"}""");

    [Fact]
    public void A_worked_example_gives_the_HMAC_of_timestamp_dot_body()
    {
        // HMAC-SHA256(key "key", "1700000000.hello"), computed independently with Python's hmac module.
        var header = WebhookSignature.Sign(Encoding.ASCII.GetBytes("key"), DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), "hello"u8);
        Assert.Equal("t=1700000000,v1=4d583a269f4f276a3fa80ff31b5a01879a848096983222a17893d198418939aa", header);
    }

    [Fact]
    public void A_fresh_signature_of_the_same_body_is_valid() =>
        Assert.Equal(SignatureCheck.Valid,
            WebhookSignature.Verify(WebhookSignature.Sign(Secret, Now, Body), Secret, Body, Now.AddSeconds(30), WebhookSignature.DefaultTolerance));

    [Fact]
    public void A_replay_after_the_tolerance_is_stale_and_so_is_a_far_future_one()
    {
        var header = WebhookSignature.Sign(Secret, Now, Body);
        Assert.Equal(SignatureCheck.Stale, WebhookSignature.Verify(header, Secret, Body, Now.AddMinutes(6), WebhookSignature.DefaultTolerance));
        Assert.Equal(SignatureCheck.Stale, WebhookSignature.Verify(header, Secret, Body, Now.AddMinutes(-6), WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Another_secret_or_a_changed_timestamp_is_a_mismatch()
    {
        var header = WebhookSignature.Sign(Secret, Now, Body);
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(header, Encoding.ASCII.GetBytes("other"), Body, Now, WebhookSignature.DefaultTolerance));
        var moved = header.Replace($"t={Now.ToUnixTimeSeconds()}", $"t={Now.ToUnixTimeSeconds() + 1}", StringComparison.Ordinal);
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(moved, Secret, Body, Now, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void During_a_rotation_either_secret_verifies()
    {
        var old = Encoding.ASCII.GetBytes("old secret");
        var header = WebhookSignature.Sign(Secret, Now, Body) + "," + WebhookSignature.Sign(old, Now, Body).Split(',')[1];
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(header, Secret, Body, Now, WebhookSignature.DefaultTolerance));
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(header, old, Body, Now, WebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=00")]
    [InlineData("t=1764936000")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1764936000,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1764936000,v1=00")]
    [InlineData("t=1,t=2,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=-1764936000,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    public void A_header_not_shaped_t_v1_is_malformed(string? header) =>
        Assert.Equal(SignatureCheck.Malformed, WebhookSignature.Verify(header, Secret, Body, Now, WebhookSignature.DefaultTolerance));

    [Property(MaxTest = 200)]
    public Property Any_change_to_the_body_is_caught() => Prop.ForAll(
        ArbMap.Default.GeneratorFor<byte[]>().Where(b => b.Length > 0).Zip(Gen.Choose(0, 1 << 20)).ToArbitrary(),
        sample =>
        {
            var (body, position) = sample;
            var header = WebhookSignature.Sign(Secret, Now, body);
            var changed = (byte[])body.Clone();
            changed[position % changed.Length] ^= 0x01;
            return WebhookSignature.Verify(header, Secret, body, Now, WebhookSignature.DefaultTolerance) == SignatureCheck.Valid
                && WebhookSignature.Verify(header, Secret, changed, Now, WebhookSignature.DefaultTolerance) == SignatureCheck.Mismatch;
        });
}
