using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Onboarding.Core.Documents;

/// <summary>
/// A PDF written by Skia, opened to replace some of its objects and add others, then written
/// out again whole. SkiaSharp 3.119 binds neither outlines nor Skia's structure tree, so both
/// are added here. Only what Skia writes is read: one classic xref table, no object streams,
/// every object once (ISO 32000-1 §7.5). Added objects are small dictionaries by the thousand
/// (a structure element per paragraph and table cell), so they are written compressed in object
/// streams with a cross-reference stream (§7.5.7, §7.5.8), as PDF 1.5 allows.
/// </summary>
internal sealed partial class PdfFile
{
    private readonly byte[] _pdf;
    private readonly int[] _offsets;
    private readonly int[] _ends;
    private readonly int _xref;
    private readonly string _trailer;
    private readonly Dictionary<int, byte[]> _replaced = [];
    private readonly List<byte[]> _added = [];
    private readonly StringBuilder _catalogEntries = new();

    public PdfFile(byte[] pdf)
    {
        _pdf = pdf;
        // Only the tail (trailer) is decoded as text: the whole file would cost more than the rest.
        var tail = Encoding.Latin1.GetString(pdf.AsSpan(Math.Max(0, pdf.Length - 1024)));
        _xref = int.Parse(StartXref().Matches(tail)[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        _trailer = Trailer().Matches(tail)[^1].Groups[1].Value;
        var size = int.Parse(SizeEntry().Match(_trailer).Groups[1].Value, CultureInfo.InvariantCulture);
        Root = int.Parse(RootEntry().Match(_trailer).Groups[1].Value, CultureInfo.InvariantCulture);

        // "xref\n0 N\n" and then N entries of exactly 20 bytes; free entries get offset 0.
        var header = Encoding.Latin1.GetString(pdf.AsSpan(_xref, 64));
        var entries = _xref + header.IndexOf('\n', header.IndexOf('\n') + 1) + 1;
        _offsets = new int[size];
        for (var number = 1; number < size; number++)
        {
            var entry = pdf.AsSpan(entries + (number * 20), 18);
            _offsets[number] = entry[17] == (byte)'n' ? int.Parse(entry[..10], CultureInfo.InvariantCulture) : 0;
        }

        // Each object ends where the next one in the file starts: searching for "endobj" could
        // stop inside compressed stream data.
        _ends = new int[size];
        var inFileOrder = InFileOrder();
        for (var i = 0; i < inFileOrder.Count; i++)
        {
            _ends[inFileOrder[i]] = i + 1 < inFileOrder.Count ? _offsets[inFileOrder[i + 1]] : _xref;
        }
    }

    public int Root { get; }

    /// <summary>The dictionary of object <paramref name="number"/> as text, without any stream data.</summary>
    public string Dictionary(int number)
    {
        var (start, end) = Body(number);
        var body = _pdf.AsSpan(start, end - start);
        var stream = body.IndexOf("stream\n"u8);
        return Encoding.Latin1.GetString(stream < 0 ? body : body[..stream]).Trim();
    }

    /// <summary>The stream data of object <paramref name="number"/>, as stored (still filtered).</summary>
    public ReadOnlySpan<byte> StreamData(int number)
    {
        var (start, end) = Body(number);
        var body = _pdf.AsSpan(start, end - start);
        var at = body.IndexOf("stream\n"u8) + "stream\n".Length;
        var length = int.Parse(LengthEntry().Match(Dictionary(number)).Groups[1].Value, CultureInfo.InvariantCulture);
        return body.Slice(at, length);
    }

    /// <summary>The page objects in page order, found through the page tree.</summary>
    public List<int> Pages()
    {
        var pages = new List<int>();
        void Visit(int number)
        {
            var dictionary = Dictionary(number);
            if (dictionary.Contains("/Type /Pages", StringComparison.Ordinal))
            {
                foreach (var kid in References(dictionary, "Kids"))
                {
                    Visit(kid);
                }
            }
            else
            {
                pages.Add(number);
            }
        }

        Visit(int.Parse(PageTreeRoot().Match(Dictionary(Root)).Groups[1].Value, CultureInfo.InvariantCulture));
        return pages;
    }

    /// <summary>References in a dictionary entry that is an array of them, e.g. a page tree node's /Kids.</summary>
    public static IEnumerable<int> References(string dictionary, string key)
    {
        var array = Regex.Match(dictionary, $@"/{key}\s*\[([^\]]*)\]");
        return array.Success
            ? Reference().Matches(array.Groups[1].Value).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            : [];
    }

    /// <summary>The number the next added object gets.</summary>
    public int NextNumber => _offsets.Length + _added.Count;

    public int Add(string body) => Add(Encoding.Latin1.GetBytes(body));

    public int Add(byte[] body)
    {
        _added.Add(body);
        return NextNumber - 1;
    }

    public void Replace(int number, string body) => _replaced[number] = Encoding.Latin1.GetBytes(body);

    public void Replace(int number, byte[] body) => _replaced[number] = body;

    /// <summary>A stream object's body: its dictionary (without /Length) and the data as given.</summary>
    public static byte[] Stream(string dictionary, ReadOnlySpan<byte> data)
    {
        var head = Encoding.Latin1.GetBytes($"<<{dictionary}\n/Length {data.Length.ToString(CultureInfo.InvariantCulture)}>> stream\n");
        var tail = "\nendstream"u8;
        var body = new byte[head.Length + data.Length + tail.Length];
        head.CopyTo(body, 0);
        data.CopyTo(body.AsSpan(head.Length));
        tail.CopyTo(body.AsSpan(head.Length + data.Length));
        return body;
    }

    /// <summary>A text string in UTF-16BE with a byte-order mark, as hex so no escaping rules apply.</summary>
    public static string TextString(string value) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    /// <summary>Entries, in PDF syntax, for the new revision of the document catalog.</summary>
    public void AddToCatalog(string entries) => _catalogEntries.Append('\n').Append(entries);

    /// <summary>Added objects per object stream: readers decompress a whole stream to reach one object in it.</summary>
    private const int ObjectsPerStream = 200;

    public byte[] Write()
    {
        if (_catalogEntries.Length > 0)
        {
            Replace(Root, Dictionary(Root)[..^2] + _catalogEntries + ">>");
        }

        var output = new ArrayBufferWriter<byte>(_pdf.Length + 4096);
        var inFileOrder = InFileOrder();
        var header = _pdf.AsSpan(0, inFileOrder.Count > 0 ? _offsets[inFileOrder[0]] : _xref).ToArray();
        // Object and cross-reference streams are PDF 1.5; Skia says 1.4 in the same number of bytes.
        "%PDF-1.7"u8.CopyTo(header);
        output.Write(header);
        var streams = (_added.Count + ObjectsPerStream - 1) / ObjectsPerStream;
        var xrefNumber = NextNumber + streams;
        // Per object: its offset in the file, or (for an added one) its object stream and index in it.
        var offsets = new int[xrefNumber + 1];
        var inStream = new (int Stream, int Index)[xrefNumber + 1];
        for (var i = 0; i < inFileOrder.Count; i++)
        {
            var number = inFileOrder[i];
            offsets[number] = output.WrittenCount;
            if (_replaced.TryGetValue(number, out var body))
            {
                WriteObject(output, number, body);
            }
            else
            {
                output.Write(_pdf.AsSpan(_offsets[number], _ends[number] - _offsets[number]));
            }
        }

        for (var s = 0; s < streams; s++)
        {
            var streamNumber = NextNumber + s;
            var first = s * ObjectsPerStream;
            var count = Math.Min(ObjectsPerStream, _added.Count - first);
            var index = new StringBuilder();
            var objects = new MemoryStream();
            for (var i = 0; i < count; i++)
            {
                var number = _offsets.Length + first + i;
                inStream[number] = (streamNumber, i);
                index.Append(CultureInfo.InvariantCulture, $"{number} {objects.Length} ");
                objects.Write(_added[first + i]);
                objects.WriteByte((byte)'\n');
            }

            var indexBytes = Encoding.Latin1.GetBytes(index.ToString());
            var data = new byte[indexBytes.Length + objects.Length];
            indexBytes.CopyTo(data, 0);
            objects.GetBuffer().AsSpan(0, (int)objects.Length).CopyTo(data.AsSpan(indexBytes.Length));
            offsets[streamNumber] = output.WrittenCount;
            WriteObject(output, streamNumber, Stream($"/Type /ObjStm\n/N {count}\n/First {indexBytes.Length}\n/Filter /FlateDecode", Deflate(data)));
        }

        // The cross-reference stream: per object a type (0 free, 1 at an offset, 2 in an object stream) and two fields.
        offsets[xrefNumber] = output.WrittenCount;
        var entries = new byte[offsets.Length * 7];
        for (var number = 0; number < offsets.Length; number++)
        {
            var entry = entries.AsSpan(number * 7, 7);
            if (inStream[number].Stream > 0)
            {
                entry[0] = 2;
                BinaryPrimitives.WriteInt32BigEndian(entry[1..], inStream[number].Stream);
                BinaryPrimitives.WriteUInt16BigEndian(entry[5..], (ushort)inStream[number].Index);
            }
            else if (offsets[number] > 0)
            {
                entry[0] = 1;
                BinaryPrimitives.WriteInt32BigEndian(entry[1..], offsets[number]);
            }
            else
            {
                BinaryPrimitives.WriteUInt16BigEndian(entry[5..], number == 0 ? (ushort)65535 : (ushort)0);
            }
        }

        var trailer = SizeEntry().Replace(_trailer, "", 1).Trim()[2..^2].Trim();
        WriteObject(output, xrefNumber, Stream(
            $"/Type /XRef\n/Size {offsets.Length}\n/W [1 4 2]\n{trailer}\n/Filter /FlateDecode", Deflate(entries)));
        output.Write(Encoding.Latin1.GetBytes($"startxref\n{offsets[xrefNumber]}\n%%EOF\n"));
        return output.WrittenSpan.ToArray();
    }

    public static byte[] Inflate(ReadOnlySpan<byte> data)
    {
        using var input = new MemoryStream(data.ToArray());
        using var inflater = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflater.CopyTo(output);
        return output.ToArray();
    }

    // Page contents are compressed again on every render, so speed counts for more than the last few percent of size.
    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var deflater = new ZLibStream(output, CompressionLevel.Fastest))
        {
            deflater.Write(data);
        }

        return output.ToArray();
    }

    private static void WriteObject(ArrayBufferWriter<byte> output, int number, byte[] body)
    {
        output.Write(Encoding.Latin1.GetBytes($"{number.ToString(CultureInfo.InvariantCulture)} 0 obj\n"));
        output.Write(body);
        output.Write("\nendobj\n"u8);
    }

    private List<int> InFileOrder() =>
        [.. Enumerable.Range(1, _offsets.Length - 1).Where(n => _offsets[n] > 0).OrderBy(n => _offsets[n])];

    // From after "N 0 obj" to before "endobj".
    private (int Start, int End) Body(int number)
    {
        var offset = _offsets[number];
        var span = _pdf.AsSpan(offset, _ends[number] - offset);
        return (offset + span.IndexOf("obj"u8) + 3, offset + span.LastIndexOf("endobj"u8));
    }

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"trailer\s*(<<.*?>>)\s*startxref", RegexOptions.Singleline)]
    private static partial Regex Trailer();

    [GeneratedRegex(@"/Size (\d+)")]
    private static partial Regex SizeEntry();

    [GeneratedRegex(@"/Root (\d+) 0 R")]
    private static partial Regex RootEntry();

    [GeneratedRegex(@"/Pages (\d+) 0 R")]
    private static partial Regex PageTreeRoot();

    [GeneratedRegex(@"/Length (\d+)")]
    private static partial Regex LengthEntry();

    [GeneratedRegex(@"(\d+) 0 R")]
    private static partial Regex Reference();
}
