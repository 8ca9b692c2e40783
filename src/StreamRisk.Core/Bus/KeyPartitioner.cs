using System.Text;

namespace StreamRisk.Core.Bus;

/// <summary>
/// Picks a partition from a key with murmur2, as Kafka's Java client and librdkafka's <c>murmur2_random</c>
/// partitioner do, so that one key lands on the same partition number in the embedded bus and in Kafka.
/// </summary>
public static class KeyPartitioner
{
    public static int PartitionFor(string key, int partitionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        var bytes = Encoding.UTF8.GetBytes(key);
        return (int)((Murmur2(bytes) & 0x7fffffff) % (uint)partitionCount);
    }

    internal static uint Murmur2(ReadOnlySpan<byte> data)
    {
        const uint seed = 0x9747b28c;
        const uint m = 0x5bd1e995;
        const int r = 24;
        var length = data.Length;
        var h = seed ^ (uint)length;
        var i = 0;
        for (; i + 4 <= length; i += 4)
        {
            var k = (uint)(data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24);
            k *= m;
            k ^= k >> r;
            k *= m;
            h *= m;
            h ^= k;
        }
        switch (length - i)
        {
            case 3: h ^= (uint)data[i + 2] << 16; goto case 2;
            case 2: h ^= (uint)data[i + 1] << 8; goto case 1;
            case 1: h ^= data[i]; h *= m; break;
        }
        h ^= h >> 13;
        h *= m;
        h ^= h >> 15;
        return h;
    }
}
