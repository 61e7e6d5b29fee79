using System.Security.Cryptography;
using System.Text;

namespace EventSourcing.Deciders;

/// <summary>Event ids for new events: fresh ones, or ones derived from a name (an idempotency key) so a retry reuses them.</summary>
public static class EventIds
{
    internal static Guid[] For(string? idempotencyKey, string streamId, int count)
    {
        var ids = new Guid[count];
        for (var i = 0; i < count; i++)
            ids[i] = idempotencyKey is null ? Guid.CreateVersion7() : Derive(idempotencyKey, streamId, i);
        return ids;
    }

    private static Guid Derive(string key, string streamId, int index) => FromName($"{key}\n{streamId}\n{index}");

    /// <summary>A name-based (RFC 9562 version 8) id: the same name always gives the same id.</summary>
    public static Guid FromName(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
