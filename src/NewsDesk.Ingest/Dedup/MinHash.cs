using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace NewsDesk.Ingest.Dedup;

/// <summary>
/// Near-duplicate detection over word shingles. A text becomes the set of its word 3-grams (lower-cased,
/// punctuation dropped); its MinHash signature of <see cref="SignatureLength"/> values estimates the Jaccard
/// similarity of two such sets as the share of equal positions. For look-up, the first
/// <see cref="Bands"/> × <see cref="RowsPerBand"/> values are grouped into bands (locality-sensitive hashing):
/// texts sharing any band are candidates, found through an index. With 8 bands of 2 rows, a pair at Jaccard
/// 0.5 becomes a candidate with probability 1 − (1 − 0.5²)⁸ ≈ 0.90, at 0.6 ≈ 0.97, at 0.7 ≈ 0.996; unrelated
/// stories (J ≈ 0.01) almost never. Candidates are then confirmed on the full signature against the threshold.
/// </summary>
public static class MinHash
{
    public const int SignatureLength = 128;
    public const int Bands = 8;
    public const int RowsPerBand = 2;
    public const int ShingleSize = 3;

    /// <summary>Texts with fewer shingles than this are too short to compare reliably (titles, one-liners).</summary>
    public const int MinimumShingles = 12;

    private static readonly ulong[] Seeds = MakeSeeds();

    /// <summary>The signature of a text, or null when the text is too short.</summary>
    public static byte[]? Signature(string text)
    {
        var shingles = Shingles(text);
        if (shingles.Count < MinimumShingles)
        {
            return null;
        }

        var minimums = new ulong[SignatureLength];
        Array.Fill(minimums, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < SignatureLength; i++)
            {
                var value = Mix(shingle ^ Seeds[i]);
                if (value < minimums[i])
                {
                    minimums[i] = value;
                }
            }
        }

        // 32 bits per position keep the signature at 512 bytes; collisions at 2⁻³² do not move the estimate.
        var bytes = new byte[SignatureLength * 4];
        for (var i = 0; i < SignatureLength; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), (uint)(minimums[i] >> 32));
        }

        return bytes;
    }

    /// <summary>Estimated Jaccard similarity of the texts behind two signatures.</summary>
    public static double Similarity(byte[] a, byte[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length || a.Length == 0)
        {
            return 0;
        }

        var equal = 0;
        var n = a.Length / 4;
        for (var i = 0; i < n; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(a.AsSpan(i * 4)) == BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(i * 4)))
            {
                equal++;
            }
        }

        return (double)equal / n;
    }

    /// <summary>The band keys to index; each also encodes its band number, so equal values in different bands do not meet.</summary>
    public static long[] BandKeys(byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var slice = signature.AsSpan(band * RowsPerBand * 4, RowsPerBand * 4);
            var hash = XxHash3.HashToUInt64(slice, band);
            keys[band] = (long)hash;
        }

        return keys;
    }

    /// <summary>Hashes of the text's word 3-grams.</summary>
    public static HashSet<ulong> Shingles(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        var shingles = new HashSet<ulong>();
        if (words.Count < ShingleSize)
        {
            return shingles;
        }

        Span<byte> buffer = stackalloc byte[512];
        for (var i = 0; i + ShingleSize <= words.Count; i++)
        {
            var joined = string.Join(' ', words[i], words[i + 1], words[i + 2]);
            var count = Encoding.UTF8.GetByteCount(joined);
            var bytes = count <= buffer.Length ? buffer[..count] : new byte[count];
            Encoding.UTF8.GetBytes(joined, bytes);
            shingles.Add(XxHash3.HashToUInt64(bytes));
        }

        return shingles;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0 && c is not '\'' and not '\u2019')
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    // SplitMix64's finaliser: a cheap, well-mixed permutation; XOR with a per-position seed gives the family of hash functions.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[SignatureLength];
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < seeds.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(state);
        }

        return seeds;
    }
}
