using System.Buffers.Text;
using System.Text;

namespace EventSourcing.Projections;

/// <summary>
/// Continuation tokens for key-ordered pages. Opaque to callers (base64url of a versioned prefix and the last key)
/// so the encoding can change without breaking clients that only pass tokens back.
/// </summary>
public static class ReadModelContinuation
{
    private const string Prefix = "k1:";

    /// <summary>The token that continues after <paramref name="lastKey"/>.</summary>
    public static string Encode(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + lastKey));

    /// <summary>The last key of the previous page.</summary>
    /// <exception cref="InvalidContinuationTokenException">The token was not made by <see cref="Encode"/>.</exception>
    public static string Decode(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            throw new InvalidContinuationTokenException(token);
        }
        return text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..] : throw new InvalidContinuationTokenException(token);
    }
}
