using System.Buffers.Binary;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    // Position i hashes a shingle x as mix(A[i]·x + B[i]) on 32 bits: A[i] odd, so each position is a permutation.
    private static readonly uint[] A = MakeConstants(0x9E3779B97F4A7C15UL, odd: true);
    private static readonly uint[] B = MakeConstants(0xD1B54A32D192ED03UL, odd: false);

    /// <summary>The signature of a text, or null when the text is too short.</summary>
    public static byte[]? Signature(string text)
    {
        var shingles = Shingles(text);
        if (shingles.Count < MinimumShingles)
        {
            return null;
        }

        // Eight positions per step with 256-bit vectors: 128 hash functions over a few hundred shingles stays in the microseconds.
        var minimums = new uint[SignatureLength];
        Array.Fill(minimums, uint.MaxValue);
        var multiplier = Vector256.Create(0x2C1B3C6Du);
        foreach (var shingle in shingles)
        {
            var x = Vector256.Create((uint)shingle ^ (uint)(shingle >> 32));
            for (var i = 0; i < SignatureLength; i += Vector256<uint>.Count)
            {
                var h = (Vector256.LoadUnsafe(ref A[i]) * x) + Vector256.LoadUnsafe(ref B[i]);
                h ^= Vector256.ShiftRightLogical(h, 16);
                h *= multiplier;
                h ^= Vector256.ShiftRightLogical(h, 15);
                Vector256.Min(Vector256.LoadUnsafe(ref minimums[i]), h).StoreUnsafe(ref minimums[i]);
            }
        }

        var bytes = new byte[SignatureLength * 4];
        for (var i = 0; i < SignatureLength; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), minimums[i]);
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

    /// <summary>Hashes of the text's word 3-grams (words: runs of letters and digits, lower-cased; apostrophes join).</summary>
    public static HashSet<ulong> Shingles(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<ulong>(text.Length / 6);
        Span<char> word = stackalloc char[64];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (length < word.Length)
                {
                    word[length++] = char.ToLowerInvariant(c);
                }
            }
            else if (length > 0 && c is not '\'' and not '\u2019')
            {
                words.Add(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(word[..length])));
                length = 0;
            }
        }

        if (length > 0)
        {
            words.Add(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(word[..length])));
        }

        var shingles = new HashSet<ulong>(Math.Max(0, words.Count - ShingleSize + 1));
        for (var i = 0; i + ShingleSize <= words.Count; i++)
        {
            shingles.Add(Mix((words[i] * 0x9E3779B97F4A7C15UL) ^ BitOperations.RotateLeft(words[i + 1], 21) ^ BitOperations.RotateLeft(words[i + 2], 42)));
        }

        return shingles;
    }

    // SplitMix64's finaliser: a cheap, well-mixed permutation of 64-bit values.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static uint[] MakeConstants(ulong state, bool odd)
    {
        var values = new uint[SignatureLength];
        for (var i = 0; i < values.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            values[i] = (uint)Mix(state) | (odd ? 1u : 0u);
        }

        return values;
    }
}
