using System.Text;
using System.Text.RegularExpressions;

namespace NewsDesk.Ingest.Text;

/// <summary>
/// Picks the character encoding of an XML feed the way lenient feed readers do: byte-order mark, then the XML
/// declaration, then the HTTP charset, then UTF-8. Declarations are often wrong, so a document declared as a
/// single-byte encoding that is valid multi-byte UTF-8 is read as UTF-8, and bytes that are not valid UTF-8
/// are read as Windows-1252 one by one instead of failing the whole feed.
/// </summary>
public static partial class FeedEncoding
{
    private static readonly Encoding Windows1252;

    static FeedEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
        // Clone() gives a writable copy whose fallback may be set.
        var utf8 = (Encoding)new UTF8Encoding(false, false).Clone();
        utf8.DecoderFallback = new Cp1252Fallback(Windows1252);
        LenientUtf8 = utf8;
    }

    /// <summary>UTF-8 that reads each invalid byte as its Windows-1252 character.</summary>
    public static Encoding LenientUtf8 { get; }

    /// <param name="stream">Seekable; read from its current position, which is restored.</param>
    /// <param name="httpCharset">The charset parameter of the response's Content-Type, if any.</param>
    public static Encoding Detect(Stream stream, string? httpCharset = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.Position;
        var head = new byte[1024];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        var bytes = head.AsSpan(0, read);

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return LenientUtf8;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]))
        {
            return Encoding.UTF32;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || (bytes.Length >= 4 && bytes[0] == '<' && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0))
        {
            return Encoding.Unicode;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == '<' && bytes[2] == 0 && bytes[3] != 0))
        {
            return Encoding.BigEndianUnicode;
        }

        var declared = DeclaredEncoding(Encoding.Latin1.GetString(bytes)) ?? NonEmpty(httpCharset);
        var encoding = declared is null ? null : Lookup(declared);
        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return LenientUtf8;
        }

        // A document cannot be UTF-16 without NUL bytes in its ASCII markup: the declaration is wrong.
        if (encoding is UnicodeEncoding or UTF32Encoding)
        {
            return LenientUtf8;
        }

        if (encoding.IsSingleByte && LooksLikeUtf8(stream))
        {
            return LenientUtf8;
        }

        return encoding;
    }

    /// <summary>The encoding for a name from a declaration or header; ISO-8859-1 and ASCII read as Windows-1252, as browsers do.</summary>
    public static Encoding? Lookup(string name)
    {
        var trimmed = name.Trim().Trim('"', '\'').ToUpperInvariant();
        if (trimmed is "ISO-8859-1" or "ISO8859-1" or "LATIN1" or "LATIN-1" or "US-ASCII" or "ASCII" or "ANSI_X3.4-1968" or "WINDOWS-1252" or "CP1252")
        {
            return Windows1252;
        }

        try
        {
            return Encoding.GetEncoding(trimmed);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? DeclaredEncoding(string head)
    {
        var match = XmlDeclaration().Match(head);
        return match.Success ? match.Groups["enc"].Value : null;
    }

    /// <summary>True when the rest of the stream is valid UTF-8 and has at least one multi-byte sequence.</summary>
    private static bool LooksLikeUtf8(Stream stream)
    {
        var start = stream.Position;
        try
        {
            var decoder = new UTF8Encoding(false, true).GetDecoder();
            var buffer = new byte[64 * 1024];
            var chars = new char[buffer.Length + 4];
            var multiByte = false;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (!multiByte && buffer.AsSpan(0, read).ContainsAnyInRange((byte)0x80, (byte)0xFF))
                {
                    multiByte = true;
                }

                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars(buffer, 0, 0, chars, 0, flush: true);
            return multiByte;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            stream.Position = start;
        }
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["']?(?<enc>[A-Za-z0-9._:\-]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclaration();

    private sealed class Cp1252Fallback(Encoding windows1252) : DecoderFallback
    {
        private readonly string[] _table = [.. Enumerable.Range(0, 256).Select(b => windows1252.GetString([(byte)b]))];

        public override int MaxCharCount => 4;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(_table);

        private sealed class Buffer(string[] table) : DecoderFallbackBuffer
        {
            private string _pending = "";
            private int _position;

            public override int Remaining => _pending.Length - _position;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                _pending = string.Concat(bytesUnknown.Select(b => table[b]));
                _position = 0;
                return _pending.Length > 0;
            }

            public override char GetNextChar() => _position < _pending.Length ? _pending[_position++] : '\0';

            public override bool MovePrevious()
            {
                if (_position == 0)
                {
                    return false;
                }

                _position--;
                return true;
            }

            public override void Reset()
            {
                _pending = "";
                _position = 0;
            }
        }
    }
}
