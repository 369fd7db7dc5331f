using System.Buffers;
using System.Globalization;
using System.Text;

namespace Onboarding.Core.Documents;

/// <summary>
/// PDF syntax written straight to bytes in pieces borrowed from the shared pool. A thousand-task
/// pack runs to megabytes and tens of thousands of small objects: built as strings first, or in
/// one array that is copied to a larger one as it grows, it cost several copies of the file on the
/// large-object heap per render, which is what set the renderer's peak memory.
/// </summary>
internal sealed class PdfBytes : IDisposable
{
    // Below the 85,000 bytes from which an array goes to the large-object heap, should the pool have none to give.
    private const int PieceSize = 64 * 1024;

    private readonly List<(byte[] Array, int Used)> _full = [];
    private byte[] _current = [];
    private int _used;

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    public PdfBytes Write(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            var free = Free(1);
            var count = Math.Min(free.Length, bytes.Length);
            bytes[..count].CopyTo(free);
            Advance(count);
            bytes = bytes[count..];
        }

        return this;
    }

    /// <summary>Text that is PDF syntax (keys, names, numbers, dictionaries), one byte per character.</summary>
    public PdfBytes Write(string text)
    {
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            var free = Free(1);
            var count = Math.Min(free.Length, rest.Length);
            Advance(Encoding.Latin1.GetBytes(rest[..count], free));
            rest = rest[count..];
        }

        return this;
    }

    public PdfBytes Write(int value)
    {
        value.TryFormat(Free(11), out var written, default, CultureInfo.InvariantCulture);
        Advance(written);
        return this;
    }

    /// <summary>An indirect reference to object <paramref name="number"/>.</summary>
    public PdfBytes Reference(int number) => Write(number).Write(" 0 R"u8);

    /// <summary>A text string in UTF-16BE with a byte-order mark, as hex so no escaping rules apply.</summary>
    public PdfBytes TextString(string value)
    {
        var utf16 = ArrayPool<byte>.Shared.Rent(Encoding.BigEndianUnicode.GetMaxByteCount(value.Length));
        try
        {
            var count = Encoding.BigEndianUnicode.GetBytes(value, utf16);
            var hex = Free((count * 2) + 6);
            "<FEFF"u8.CopyTo(hex);
            Convert.TryToHexString(utf16.AsSpan(0, count), hex[5..], out var written);
            hex[5 + written] = (byte)'>';
            Advance(written + 6);
            return this;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf16);
        }
    }

    public void CopyTo(Stream destination)
    {
        foreach (var (array, used) in _full)
        {
            destination.Write(array, 0, used);
        }

        destination.Write(_current, 0, _used);
    }

    public byte[] ToArray()
    {
        var result = new byte[Length];
        var at = 0;
        foreach (var (array, used) in _full)
        {
            array.AsSpan(0, used).CopyTo(result.AsSpan(at));
            at += used;
        }

        _current.AsSpan(0, _used).CopyTo(result.AsSpan(at));
        return result;
    }

    /// <summary>Empties this for reuse and gives the pieces back to the pool.</summary>
    public void Clear()
    {
        foreach (var (array, _) in _full)
        {
            ArrayPool<byte>.Shared.Return(array);
        }

        _full.Clear();
        if (_current.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_current);
        }

        _current = [];
        _used = 0;
        Length = 0;
    }

    public void Dispose() => Clear();

    // At least `size` contiguous bytes to write into.
    private Span<byte> Free(int size)
    {
        if (_current.Length - _used < size)
        {
            if (_used > 0)
            {
                _full.Add((_current, _used));
            }
            else if (_current.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_current);
            }

            _current = ArrayPool<byte>.Shared.Rent(Math.Max(PieceSize, size));
            _used = 0;
        }

        return _current.AsSpan(_used);
    }

    private void Advance(int count)
    {
        _used += count;
        Length += count;
    }
}
