using NewsDesk.Tagging.Matching;

namespace NewsDesk.Tagging.Text;

/// <summary>
/// Splits text into folded words in one pass, without allocating per word: apostrophes and hyphens split words
/// ("Guinea-Bissau" → guinea, bissau), a possessive 's is dropped and remembered, Han/kana/Hangul characters are
/// single tokens, Russian words lose their case endings so "Японии" meets "Япония".
/// </summary>
internal static class Tokenizer
{
    public const int MaxTokenLength = 64;

    public static float ZoneWeight(ZoneKind zone) => zone switch
    {
        ZoneKind.Headline => 3.0f,
        ZoneKind.Standfirst => 2.0f,
        ZoneKind.Lead => 1.5f,
        ZoneKind.Body => 1.0f,
        _ => 0f,
    };

    /// <summary>Tokenizes <paramref name="text"/> within <paramref name="zones"/> (sorted, non-overlapping) into <paramref name="tokens"/>.</summary>
    public static int Tokenize(string text, ReadOnlySpan<Zone> zones, Vocabulary vocabulary, ref Token[] tokens)
    {
        var count = 0;
        long bodyChars = 0;
        foreach (var z in zones)
        {
            if (z.Kind == ZoneKind.Body)
            {
                bodyChars += z.End - z.Start;
            }
        }

        Span<char> folded = stackalloc char[MaxTokenLength];
        long bodySeen = 0;
        foreach (var zone in zones)
        {
            if (zone.Kind == ZoneKind.Ignore)
            {
                continue;
            }

            var zoneWeight = ZoneWeight(zone.Kind);
            var firstInZone = true;
            var lineStartToken = count;
            int upper = 0, lower = 0;
            var i = zone.Start;
            var end = Math.Min(zone.End, text.Length);
            while (i < end)
            {
                var c = text[i];
                if (c == '\n')
                {
                    MarkShouted(tokens, lineStartToken, count, upper, lower);
                    lineStartToken = count;
                    upper = lower = 0;
                    i++;
                    continue;
                }

                if (!Folding.IsWordChar(c))
                {
                    i++;
                    continue;
                }

                var start = i;
                var length = 0;
                TokenShape shape;
                if (Folding.IsSingleCharToken(c))
                {
                    Folding.Append(c, folded, ref length);
                    i++;
                    shape = TokenShape.Caseless;
                }
                else
                {
                    var tokenUpper = 0;
                    var tokenLower = 0;
                    while (i < end)
                    {
                        var ch = text[i];
                        if (ch < 128)
                        {
                            // The common case, without table lookups: ASCII letters and digits.
                            if (char.IsAsciiLetterLower(ch))
                            {
                                tokenLower++;
                            }
                            else if (char.IsAsciiLetterUpper(ch))
                            {
                                tokenUpper++;
                                ch = (char)(ch | 0x20);
                            }
                            else if (!char.IsAsciiDigit(ch))
                            {
                                break;
                            }

                            if (length < folded.Length)
                            {
                                folded[length] = ch;
                            }

                            length++;
                            i++;
                            continue;
                        }

                        if (!Folding.IsWordChar(ch) || Folding.IsSingleCharToken(ch))
                        {
                            break;
                        }

                        if (char.IsUpper(ch))
                        {
                            tokenUpper++;
                        }
                        else if (char.IsLower(ch))
                        {
                            tokenLower++;
                        }

                        Folding.Append(ch, folded, ref length);
                        i++;
                    }

                    upper += tokenUpper;
                    lower += tokenLower;
                    shape = TokenShape.None;
                    if (char.IsDigit(c))
                    {
                        shape |= TokenShape.Numeric | TokenShape.Caseless;
                    }
                    else if (tokenUpper == 0 && tokenLower == 0)
                    {
                        shape |= TokenShape.Caseless;
                    }
                    else
                    {
                        if (char.IsUpper(c))
                        {
                            shape |= TokenShape.Capitalised;
                        }

                        if (tokenLower == 0)
                        {
                            shape |= TokenShape.AllCaps;
                        }
                    }
                }

                if (length > MaxTokenLength)
                {
                    length = MaxTokenLength; // an absurd "word" (a hash, base64): matches nothing anyway
                }

                // A possessive 's belongs to the word before it: "China's" is China, marked possessive.
                if (i + 1 < end && text[i] is '\'' or '\u2019' && text[i + 1] is 's' or 'S' && (i + 2 >= end || !Folding.IsWordChar(text[i + 2])))
                {
                    shape |= TokenShape.Possessive;
                }

                if (firstInZone || StartsSentence(text, count > 0 && !firstInZone ? tokens[count - 1].End : zone.Start, start))
                {
                    shape |= TokenShape.SentenceStart;
                }

                firstInZone = false;
                ReadOnlySpan<char> word = folded[..Math.Min(length, MaxTokenLength)];
                if (length > 4 && Folding.IsCyrillic(word[0]))
                {
                    word = RussianStem(word);
                }

                var id = vocabulary.Find(word);
                if (id < 0 && word.Length > 3 && word[0] is '\u0648' or '\u0628' or '\u0644')
                {
                    id = vocabulary.Find(word[1..]); // Arabic "and", "in", "for" are written onto the next word: وفيتنام
                }

                if (count == tokens.Length)
                {
                    Array.Resize(ref tokens, tokens.Length * 2);
                }

                var weight = zoneWeight;
                if (zone.Kind == ZoneKind.Body && bodyChars > 0)
                {
                    // The last paragraph weighs 0.6 of the first: partner lists and background come late.
                    weight *= 1f - (0.4f * (float)(bodySeen + (start - zone.Start)) / bodyChars);
                }

                tokens[count++] = new Token
                {
                    Start = start,
                    End = i,
                    Id = id,
                    Shape = shape,
                    Zone = zone.Kind,
                    Weight = weight,
                };

                if ((shape & TokenShape.Possessive) != 0)
                {
                    i += 2;
                }
            }

            MarkShouted(tokens, lineStartToken, count, upper, lower);
            if (zone.Kind == ZoneKind.Body)
            {
                bodySeen += zone.End - zone.Start;
            }
        }

        return count;
    }

    /// <summary>Folded words of a pattern (a name or keyword), with the case each word has in the pattern.</summary>
    public static List<(string Word, string Surface, TokenShape Shape)> Words(string pattern)
    {
        var words = new List<(string, string, TokenShape)>();
        var zones = new[] { new Zone(0, pattern.Length, ZoneKind.Body) };
        var tokens = new Token[16];
        var vocabulary = Vocabulary.Empty;
        var count = Tokenize(pattern, zones, vocabulary, ref tokens);
        Span<char> folded = stackalloc char[MaxTokenLength];
        for (var t = 0; t < count; t++)
        {
            var token = tokens[t];
            var length = 0;
            var surface = pattern[token.Start..token.End];
            if ((token.Shape & TokenShape.Caseless) != 0 && surface.Length == 1 && Folding.IsSingleCharToken(surface[0]))
            {
                words.Add((surface, surface, token.Shape));
                continue;
            }

            foreach (var ch in surface)
            {
                Folding.Append(ch, folded, ref length);
            }

            ReadOnlySpan<char> word = folded[..Math.Min(length, MaxTokenLength)];
            if (word.Length > 4 && Folding.IsCyrillic(word[0]))
            {
                word = RussianStem(word);
            }

            words.Add((word.ToString(), surface, token.Shape & ~(TokenShape.SentenceStart | TokenShape.ShoutedLine | TokenShape.Possessive)));
        }

        return words;
    }

    private static bool StartsSentence(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (text[k] is '.' or '!' or '?' or '\n' or ':' or ';' or '"' or '\u201C' or '(' or '\u2014' or '|' or '>')
            {
                // "Gen. Charles Brown", "U.S. officials": a period right after a capital abbreviation ends no sentence.
                if (text[k] == '.' && k > 0 && k - from <= 1 && IsAbbreviation(text, k))
                {
                    continue;
                }

                return true;
            }
        }

        return false;
    }

    private static bool IsAbbreviation(string text, int period)
    {
        var s = period - 1;
        while (s >= 0 && char.IsLetter(text[s]))
        {
            s--;
        }

        var word = text.AsSpan(s + 1, period - s - 1);
        return word.Length == 1 || word is "Gen" or "Lt" or "Col" or "Adm" or "Maj" or "Capt" or "Sgt" or "Mr" or "Mrs" or "Ms" or "Dr" or "Sen" or "Rep" or "Prof" or "St" or "Gov" or "Brig" or "Cmdr" or "No" or "Jr" or "Sr" or "Rs";
    }

    private static void MarkShouted(Token[] tokens, int from, int to, int upper, int lower)
    {
        if (upper >= 8 && lower * 10 <= upper)
        {
            for (var t = from; t < to; t++)
            {
                tokens[t].Shape |= TokenShape.ShoutedLine;
            }
        }
    }

    private static readonly string[] RussianEndings =
        ["иями", "ями", "ами", "ией", "ией", "ией", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "ия", "ии", "ию", "ей", "ой", "ом", "ем", "ам", "ям", "ах", "ях", "ы", "и", "а", "я", "у", "ю", "е", "о", "ь", "й"];

    /// <summary>Drops a Russian case ending (Япония, Японии, Японией → япон) so declined names still match.</summary>
    private static ReadOnlySpan<char> RussianStem(ReadOnlySpan<char> word)
    {
        foreach (var ending in RussianEndings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }
}
