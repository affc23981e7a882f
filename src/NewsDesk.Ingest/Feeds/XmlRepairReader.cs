using System.Globalization;
using System.Text;
using AngleSharp.Html;

namespace NewsDesk.Ingest.Feeds;

/// <summary>
/// A streaming filter in front of the XML parser that makes real-world feeds well-formed where that is safe,
/// and strips what is unsafe. It drops the XML declaration (the text is already decoded; "1.1" declarations
/// would fail) and any junk before the first tag; removes the DOCTYPE entirely, noting whether it declared
/// entities (<see cref="DeclaresEntities"/>: the caller refuses such documents, so neither billion-laughs
/// expansion nor external entities can happen); turns HTML named entities (&amp;eacute;, &amp;nbsp;, which RSS
/// 0.91 takes from its DTD) into numeric references; escapes stray &amp; and &lt;; and drops characters XML forbids.
/// Mismatched tags are left alone: the strict parser fails on them and the lenient one takes over.
/// </summary>
internal sealed class XmlRepairReader(TextReader source) : TextReader
{
    private readonly char[] _window = new char[32 * 1024];
    private readonly StringBuilder _out = new(16 * 1024);
    private int _pos;
    private int _end;
    private bool _sourceDone;
    private int _outPos;
    private State _state = State.Prolog;
    private char _quote;
    private int _doctypeBrackets;

    private enum State
    {
        Prolog,
        Text,
        Tag,
        Attribute,
        Comment,
        CData,
        Instruction,
        SkipInstruction,
        SkipDeclaration,
        Doctype,
    }

    /// <summary>The document had a DOCTYPE whose internal subset declares entities.</summary>
    public bool DeclaresEntities { get; private set; }

    public override int Peek()
    {
        while (_outPos >= _out.Length && Step())
        {
        }

        return _outPos < _out.Length ? _out[_outPos] : -1;
    }

    public override int Read()
    {
        var c = Peek();
        if (c >= 0)
        {
            _outPos++;
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        return Read(buffer.AsSpan(index, count));
    }

    public override int Read(Span<char> buffer)
    {
        if (_outPos >= _out.Length)
        {
            _out.Clear();
            _outPos = 0;
        }

        while (_out.Length - _outPos < buffer.Length && Step())
        {
        }

        var n = Math.Min(buffer.Length, _out.Length - _outPos);
        _out.CopyTo(_outPos, buffer[..n], n);
        _outPos += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            source.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Ensure(int n)
    {
        if (_end - _pos >= n || _sourceDone)
        {
            return _end - _pos;
        }

        if (_pos > 0)
        {
            Array.Copy(_window, _pos, _window, 0, _end - _pos);
            _end -= _pos;
            _pos = 0;
        }

        while (_end - _pos < n && !_sourceDone)
        {
            var read = source.Read(_window, _end, _window.Length - _end);
            if (read == 0)
            {
                _sourceDone = true;
            }
            else
            {
                _end += read;
            }
        }

        return _end - _pos;
    }

    private bool At(string text, bool ignoreCase = false) =>
        Ensure(text.Length) >= text.Length
        && _window.AsSpan(_pos, text.Length).Equals(text, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private char CharAt(int offset) => Ensure(offset + 1) > offset ? _window[_pos + offset] : '\0';

    private bool Step()
    {
        if (Ensure(1) == 0)
        {
            return false;
        }

        var c = _window[_pos];
        switch (_state)
        {
            case State.Prolog:
                if (c == '<')
                {
                    _state = State.Text;
                }
                else
                {
                    _pos++;
                }

                break;
            case State.Text:
                StepText(c);
                break;
            case State.Tag:
                if (c is '"' or '\'')
                {
                    _quote = c;
                    _state = State.Attribute;
                    Emit(c);
                }
                else if (c == '>')
                {
                    _state = State.Text;
                    Emit(c);
                }
                else if (c == '<')
                {
                    // "<a <b>": close the broken tag; the strict parser will still object, the lenient one copes.
                    _out.Append('>');
                    _state = State.Text;
                }
                else
                {
                    EmitChecked(c);
                }

                break;
            case State.Attribute:
                if (c == _quote)
                {
                    _state = State.Tag;
                    Emit(c);
                }
                else if (c == '&')
                {
                    RepairEntity();
                }
                else if (c == '<')
                {
                    _out.Append("&lt;");
                    _pos++;
                }
                else
                {
                    EmitChecked(c);
                }

                break;
            case State.Comment:
                if (At("-->"))
                {
                    _out.Append("-->");
                    _pos += 3;
                    _state = State.Text;
                }
                else if (At("--"))
                {
                    _out.Append("- ");
                    _pos++;
                }
                else
                {
                    EmitChecked(c);
                }

                break;
            case State.CData:
                if (At("]]>"))
                {
                    _out.Append("]]>");
                    _pos += 3;
                    _state = State.Text;
                }
                else
                {
                    EmitChecked(c);
                }

                break;
            case State.Instruction:
                if (At("?>"))
                {
                    _out.Append("?>");
                    _pos += 2;
                    _state = State.Text;
                }
                else
                {
                    EmitChecked(c);
                }

                break;
            case State.SkipInstruction:
                if (At("?>"))
                {
                    _pos += 2;
                    _state = State.Text;
                }
                else
                {
                    _pos++;
                    if (c == '>')
                    {
                        _state = State.Text;
                    }
                }

                break;
            case State.SkipDeclaration:
                _pos++;
                if (c == '>')
                {
                    _state = State.Text;
                }

                break;
            case State.Doctype:
                StepDoctype(c);
                break;
        }

        return true;
    }

    private void StepText(char c)
    {
        if (c == '<')
        {
            if (At("<!--"))
            {
                _out.Append("<!--");
                _pos += 4;
                _state = State.Comment;
            }
            else if (At("<![CDATA["))
            {
                _out.Append("<![CDATA[");
                _pos += 9;
                _state = State.CData;
            }
            else if (At("<!DOCTYPE", ignoreCase: true))
            {
                _pos += 9;
                _doctypeBrackets = 0;
                _quote = '\0';
                _state = State.Doctype;
            }
            else if (At("<?xml", ignoreCase: true) && (char.IsWhiteSpace(CharAt(5)) || CharAt(5) == '?'))
            {
                _pos += 5;
                _state = State.SkipInstruction;
            }
            else if (At("<?"))
            {
                _out.Append("<?");
                _pos += 2;
                _state = State.Instruction;
            }
            else if (At("<!"))
            {
                _pos += 2;
                _state = State.SkipDeclaration;
            }
            else if (IsNameStart(CharAt(1)) || (CharAt(1) == '/' && IsNameStart(CharAt(2))))
            {
                Emit('<');
                _state = State.Tag;
            }
            else
            {
                _out.Append("&lt;");
                _pos++;
            }
        }
        else if (c == '&')
        {
            RepairEntity();
        }
        else if (c == '>')
        {
            _out.Append("&gt;");
            _pos++;
        }
        else
        {
            EmitChecked(c);
        }
    }

    private void StepDoctype(char c)
    {
        _pos++;
        if (_quote != '\0')
        {
            if (c == _quote)
            {
                _quote = '\0';
            }
        }
        else if (c is '"' or '\'')
        {
            _quote = c;
        }
        else if (c == '[')
        {
            _doctypeBrackets++;
        }
        else if (c == ']')
        {
            _doctypeBrackets--;
        }
        else if (c == '<' && _doctypeBrackets > 0 && At("!ENTITY"))
        {
            DeclaresEntities = true;
        }
        else if (c == '>' && _doctypeBrackets <= 0)
        {
            _state = State.Text;
        }
    }

    private void RepairEntity()
    {
        var available = Ensure(48);
        if (available > 1 && _window[_pos + 1] == '#')
        {
            var hex = available > 2 && _window[_pos + 2] is 'x' or 'X';
            var start = hex ? 3 : 2;
            var j = start;
            while (j < available && j < start + 8 && (hex ? char.IsAsciiHexDigit(_window[_pos + j]) : char.IsAsciiDigit(_window[_pos + j])))
            {
                j++;
            }

            if (j == start)
            {
                _out.Append("&amp;");
                _pos++;
                return;
            }

            var digits = _window.AsSpan(_pos + start, j - start);
            var valid = int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code) && IsXmlChar(code);
            if (valid)
            {
                // Windows-1252 numbers in the C1 range are what the author meant (&#150; is an en dash), as browsers read them.
                AppendReference(code is >= 0x80 and <= 0x9F ? Windows1252(code) : code);
            }

            _pos += j < available && _window[_pos + j] == ';' ? j + 1 : j;
            return;
        }

        var k = 1;
        while (k < available && k < 40 && char.IsAsciiLetterOrDigit(_window[_pos + k]))
        {
            k++;
        }

        if (k > 1 && k < available && _window[_pos + k] == ';')
        {
            var name = new string(_window, _pos + 1, k - 1);
            if (name is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                _out.Append('&').Append(name).Append(';');
                _pos += k + 1;
                return;
            }

            var symbol = HtmlEntity(name);
            if (symbol is not null)
            {
                for (var i = 0; i < symbol.Length; i += char.IsSurrogatePair(symbol, i) ? 2 : 1)
                {
                    AppendReference(char.ConvertToUtf32(symbol, i));
                }

                _pos += k + 1;
                return;
            }
        }

        _out.Append("&amp;");
        _pos++;
    }

    private void AppendReference(int code) => _out.Append("&#").Append(code.ToString(CultureInfo.InvariantCulture)).Append(';');

    private void Emit(char c)
    {
        _out.Append(c);
        _pos++;
    }

    private void EmitChecked(char c)
    {
        if (char.IsHighSurrogate(c))
        {
            if (char.IsLowSurrogate(CharAt(1)))
            {
                _out.Append(c).Append(_window[_pos + 1]);
                _pos += 2;
                return;
            }

            _pos++;
            return;
        }

        if (IsXmlChar(c))
        {
            _out.Append(c);
        }

        _pos++;
    }

    private static bool IsXmlChar(int c) =>
        c is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or ':';

    private static readonly Encoding Cp1252 = CodePagesEncoding();

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static int Windows1252(int code)
    {
        var text = Cp1252.GetString([(byte)code]);
        return text.Length == 1 && text[0] != '\uFFFD' && IsXmlChar(text[0]) ? text[0] : 0xFFFD;
    }

    internal static string? HtmlEntity(string name) =>
        HtmlEntityProvider.Resolver.GetSymbol(name + ";") ?? HtmlEntityProvider.Resolver.GetSymbol(name);
}
