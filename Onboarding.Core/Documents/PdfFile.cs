using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Onboarding.Core.Documents;

/// <summary>
/// A PDF written by Skia, opened to replace some of its objects and add others, then written
/// out again whole. SkiaSharp 3.119 binds neither outlines nor Skia's structure tree, so both
/// are added here. Only what Skia writes is read: one classic xref table, no object streams,
/// every object once (ISO 32000-1 §7.5). Added objects are small dictionaries by the thousand
/// (a structure element per paragraph and table cell), so they are written compressed in object
/// streams with a cross-reference stream (§7.5.7, §7.5.8), as PDF 1.5 allows.
/// </summary>
/// <remarks>
/// The new file is written as it is made, never held twice: Skia's bytes are read where Skia left
/// them, a replaced object goes to the new file at once (objects may come in any order: the
/// cross-reference stream says where each one is), added objects are compressed 200 at a time as
/// they come, and <see cref="Write"/> copies the objects left as they were and ends the file.
/// </remarks>
internal sealed partial class PdfFile : IDisposable
{
    /// <summary>Added objects per object stream: readers decompress a whole stream to reach one object in it.</summary>
    private const int ObjectsPerStream = 200;

    // Page contents are compressed again on every render, so speed counts for more than the last few percent of size.
    private const CompressionLevel Level = CompressionLevel.Fastest;

    private readonly SKData _pdf;
    private readonly int[] _offsets;
    private readonly int[] _ends;
    private readonly int _xref;
    private readonly string _trailer;
    private readonly StringBuilder _catalogEntries = new();

    private readonly PdfBytes _output = new();
    // Per object of Skia's, where its replacement starts in the new file; 0 while it is not replaced.
    private readonly int[] _replacedAt;
    // The objects of the object stream being filled, and where each starts in it.
    private readonly PdfBytes _added = new();
    private readonly List<int> _addedStarts = [];
    private readonly List<(int Count, int First, byte[] Data)> _objectStreams = [];
    private int _addedCount;

    // Reused from one stream to the next: a page's content inflated, and a stream compressed.
    private byte[] _compressedIn = [];
    private readonly ArrayBufferWriter<byte> _inflated = new();
    private readonly MemoryStream _deflated = new();

    /// <param name="pdf">Skia's PDF, read in place (a managed copy would be one more large array per render); kept until <see cref="Write"/> returns.</param>
    public PdfFile(SKData pdf)
    {
        _pdf = pdf;
        var bytes = Pdf;
        // Only the tail (trailer) is decoded as text: the whole file would cost more than the rest.
        var tail = Encoding.Latin1.GetString(bytes[Math.Max(0, bytes.Length - 1024)..]);
        _xref = int.Parse(StartXref().Matches(tail)[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        _trailer = Trailer().Matches(tail)[^1].Groups[1].Value;
        var size = int.Parse(SizeEntry().Match(_trailer).Groups[1].Value, CultureInfo.InvariantCulture);
        Root = int.Parse(RootEntry().Match(_trailer).Groups[1].Value, CultureInfo.InvariantCulture);

        // "xref\n0 N\n" and then N entries of exactly 20 bytes; free entries get offset 0.
        var header = Encoding.Latin1.GetString(bytes.Slice(_xref, 64));
        var entries = _xref + header.IndexOf('\n', header.IndexOf('\n') + 1) + 1;
        _offsets = new int[size];
        for (var number = 1; number < size; number++)
        {
            var entry = bytes.Slice(entries + (number * 20), 18);
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

        _replacedAt = new int[size];
        // Object and cross-reference streams are PDF 1.5; Skia says 1.4 in the same number of bytes.
        _output.Write("%PDF-1.7"u8).Write(bytes[8..(inFileOrder.Count > 0 ? _offsets[inFileOrder[0]] : _xref)]);
    }

    public int Root { get; }

    /// <summary>The number the next added object gets.</summary>
    public int NextNumber => _offsets.Length + _addedCount;

    private ReadOnlySpan<byte> Pdf => _pdf.AsSpan();

    /// <summary>The dictionary of object <paramref name="number"/> as text, without any stream data.</summary>
    public string Dictionary(int number)
    {
        var body = Body(number);
        var stream = body.IndexOf("stream\n"u8);
        return Encoding.Latin1.GetString(stream < 0 ? body : body[..stream]).Trim();
    }

    /// <summary>
    /// The stream data of object <paramref name="number"/> inflated; the memory is reused by the
    /// next call, so it is to be read before that.
    /// </summary>
    public ReadOnlyMemory<byte> Inflated(int number)
    {
        var length = int.Parse(LengthEntry().Match(Dictionary(number)).Groups[1].Value, CultureInfo.InvariantCulture);
        var body = Body(number);
        var data = body.Slice(body.IndexOf("stream\n"u8) + "stream\n".Length, length);
        if (_compressedIn.Length < length)
        {
            _compressedIn = new byte[Math.Max(length, _compressedIn.Length * 2)];
        }

        data.CopyTo(_compressedIn);
        _inflated.ResetWrittenCount();
        using var inflater = new ZLibStream(new MemoryStream(_compressedIn, 0, length, writable: false), CompressionMode.Decompress);
        for (var read = -1; read != 0; _inflated.Advance(read))
        {
            read = inflater.Read(_inflated.GetSpan(16 * 1024));
        }

        return _inflated.WrittenMemory;
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

    /// <summary>
    /// Starts the next added object, numbered <see cref="NextNumber"/>, and returns what to write
    /// its body to; the body runs until the next object is added or the file is written.
    /// </summary>
    public PdfBytes Add()
    {
        if (_addedStarts.Count == ObjectsPerStream)
        {
            CloseObjectStream();
        }

        if (_addedStarts.Count > 0)
        {
            _added.Write("\n"u8);
        }

        _addedStarts.Add(_added.Length);
        _addedCount++;
        return _added;
    }

    /// <exception cref="InvalidOperationException">Object <paramref name="number"/> was replaced already.</exception>
    public void Replace(int number, string body) => Begin(number).Write(body).Write("\nendobj\n"u8);

    /// <summary>Replaces object <paramref name="number"/> with a stream of what <paramref name="write"/> writes, compressed.</summary>
    /// <exception cref="InvalidOperationException">Object <paramref name="number"/> was replaced already.</exception>
    public void ReplaceStream(int number, Action<Stream> write)
    {
        _deflated.SetLength(0);
        using (var deflater = new ZLibStream(_deflated, Level, leaveOpen: true))
        {
            write(deflater);
        }

        Begin(number).Write("<</Filter /FlateDecode\n/Length "u8).Write((int)_deflated.Length).Write(">> stream\n"u8)
            .Write(_deflated.GetBuffer().AsSpan(0, (int)_deflated.Length)).Write("\nendstream\nendobj\n"u8);
    }

    /// <summary>Entries, in PDF syntax, for the new revision of the document catalog.</summary>
    public void AddToCatalog(string entries) => _catalogEntries.Append('\n').Append(entries);

    public byte[] Write()
    {
        if (_catalogEntries.Length > 0)
        {
            Replace(Root, Dictionary(Root)[..^2] + _catalogEntries + ">>");
        }

        if (_addedStarts.Count > 0)
        {
            CloseObjectStream();
        }

        var xrefNumber = NextNumber + _objectStreams.Count;
        // Per object: its offset in the file, or (for an added one) its object stream and index in it.
        var offsets = new int[xrefNumber + 1];
        var inStream = new (int Stream, int Index)[xrefNumber + 1];
        _replacedAt.CopyTo(offsets, 0);
        foreach (var number in InFileOrder().Where(n => _replacedAt[n] == 0))
        {
            offsets[number] = _output.Length;
            _output.Write(Pdf[_offsets[number].._ends[number]]);
        }

        for (var s = 0; s < _objectStreams.Count; s++)
        {
            var streamNumber = NextNumber + s;
            var (count, first, data) = _objectStreams[s];
            for (var i = 0; i < count; i++)
            {
                inStream[_offsets.Length + (s * ObjectsPerStream) + i] = (streamNumber, i);
            }

            offsets[streamNumber] = _output.Length;
            _output.Write(streamNumber).Write(" 0 obj\n<</Type /ObjStm\n/N "u8).Write(count).Write("\n/First "u8).Write(first)
                .Write("\n/Filter /FlateDecode\n/Length "u8).Write(data.Length).Write(">> stream\n"u8).Write(data).Write("\nendstream\nendobj\n"u8);
        }

        // The cross-reference stream: per object a type (0 free, 1 at an offset, 2 in an object stream) and two fields.
        offsets[xrefNumber] = _output.Length;
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
        var compressed = Deflate(entries);
        _output.Write(xrefNumber).Write(" 0 obj\n<</Type /XRef\n/Size "u8).Write(offsets.Length).Write("\n/W [1 4 2]\n"u8).Write(trailer)
            .Write("\n/Filter /FlateDecode\n/Length "u8).Write(compressed.Length).Write(">> stream\n"u8).Write(compressed)
            .Write("\nendstream\nendobj\nstartxref\n"u8).Write(offsets[xrefNumber]).Write("\n%%EOF\n"u8);
        return _output.ToArray();
    }

    public void Dispose()
    {
        _output.Dispose();
        _added.Dispose();
    }

    // An object stream of the objects added since the last one: their numbers and offsets, then the objects.
    private void CloseObjectStream()
    {
        using var index = new PdfBytes();
        var firstNumber = NextNumber - _addedStarts.Count;
        for (var i = 0; i < _addedStarts.Count; i++)
        {
            index.Write(firstNumber + i).Write(" "u8).Write(_addedStarts[i]).Write(" "u8);
        }

        _deflated.SetLength(0);
        using (var deflater = new ZLibStream(_deflated, Level, leaveOpen: true))
        {
            index.CopyTo(deflater);
            _added.CopyTo(deflater);
            deflater.Write("\n"u8);
        }

        _objectStreams.Add((_addedStarts.Count, index.Length, _deflated.ToArray()));
        _added.Clear();
        _addedStarts.Clear();
    }

    private byte[] Deflate(byte[] data)
    {
        _deflated.SetLength(0);
        using (var deflater = new ZLibStream(_deflated, Level, leaveOpen: true))
        {
            deflater.Write(data);
        }

        return _deflated.ToArray();
    }

    // Starts the new file's copy of object `number`, which ends with "endobj".
    private PdfBytes Begin(int number)
    {
        if (_replacedAt[number] != 0)
        {
            throw new InvalidOperationException($"object {number} is replaced twice");
        }

        _replacedAt[number] = _output.Length;
        return _output.Write(number).Write(" 0 obj\n"u8);
    }

    private List<int> InFileOrder() =>
        [.. Enumerable.Range(1, _offsets.Length - 1).Where(n => _offsets[n] > 0).OrderBy(n => _offsets[n])];

    // From after "N 0 obj" to before "endobj".
    private ReadOnlySpan<byte> Body(int number)
    {
        var span = Pdf[_offsets[number].._ends[number]];
        var start = span.IndexOf("obj"u8) + 3;
        return span[start..span.LastIndexOf("endobj"u8)];
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
