using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Hosting;
using SkiaSharp;

namespace NewsDesk.Web.Media;

/// <summary>A stored image, or why the upload was refused (a sentence fit to show).</summary>
public sealed record ImageResult(LeadImageUpload? Image, string? Error);

/// <summary>
/// Lead images under <c>{DataDirectory}/media</c>: the upload is checked by its bytes (not its name or declared type),
/// bounded in size and pixels before decoding, turned upright, and re-encoded as JPEG at two widths — which also drops
/// metadata such as GPS positions. Files get random names and are written whole before they appear.
/// Behind this class so that an object store can replace the directory when several instances share no disk.
/// </summary>
public sealed class LeadImageStore(NewsDeskPaths paths, IOptions<DeskOptions> options)
{
    public const string RequestPath = LeadImages.RequestPath;
    private static readonly IReadOnlyList<int> Widths = LeadImages.Widths;
    private const int JpegQuality = 82;

    public string Directory { get; } = Path.Combine(paths.DataDirectory, "media");

    /// <summary>The public URL of the stored image at one of the stored widths (the largest when null).</summary>
    public static string Url(string key, int? width = null) => LeadImages.Url(key, width);

    public async Task<ImageResult> SaveAsync(Stream upload, long length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var limit = options.Value.MaxImageBytes;
        if (length > limit)
        {
            return new(null, $"The image is larger than {limit / (1024 * 1024)} MB.");
        }

        using var buffer = new MemoryStream();
        await CopyBoundedAsync(upload, buffer, limit, cancellationToken);
        if (buffer.Length > limit)
        {
            return new(null, $"The image is larger than {limit / (1024 * 1024)} MB.");
        }

        buffer.Position = 0;
        using var data = SKData.Create(buffer);
        using var codec = data is null ? null : SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp or SKEncodedImageFormat.Gif))
        {
            return new(null, "That file is not a JPEG, PNG, WebP or GIF image.");
        }

        var info = codec.Info;
        if (info.Width < 16 || info.Height < 16)
        {
            return new(null, "The image is too small (at least 16 × 16 pixels).");
        }

        if ((long)info.Width * info.Height > options.Value.MaxImagePixels)
        {
            return new(null, $"The image has too many pixels ({info.Width} × {info.Height}).");
        }

        using var decoded = SKBitmap.Decode(codec, new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (decoded is null)
        {
            return new(null, "The image could not be decoded; it may be damaged.");
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        System.IO.Directory.CreateDirectory(Directory);
        var written = new List<string>();
        try
        {
            foreach (var width in Widths)
            {
                var path = Path.Combine(Directory, Path.GetFileName(Url(key, width)));
                await WriteJpegAsync(upright, width, path, cancellationToken);
                written.Add(path);
            }
        }
        catch (IOException ex)
        {
            // Disk full or unwritable: nothing half-stored stays behind.
            written.ForEach(File.Delete);
            return new(null, $"The image could not be stored: {ex.Message}");
        }

        // The stored (largest) variant's size, for width/height attributes and OpenGraph.
        var storedWidth = Math.Min(Widths[0], upright.Width);
        var storedHeight = (int)Math.Max(1, Math.Round(upright.Height * (double)storedWidth / upright.Width));
        return new(new LeadImageUpload(key, storedWidth, storedHeight), null);
    }

    private static async Task CopyBoundedAsync(Stream from, Stream to, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(chunk, cancellationToken)) > 0)
        {
            await to.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            if (to.Length > limit)
            {
                return;
            }
        }
    }

    private static async Task WriteJpegAsync(SKBitmap source, int maxWidth, string path, CancellationToken cancellationToken)
    {
        var width = Math.Min(maxWidth, source.Width);
        var height = (int)Math.Max(1, Math.Round(source.Height * (double)width / source.Width));
        using var resized = width == source.Width ? source.Copy() : source.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell));
        // JPEG has no alpha: transparent pixels go on white, not black.
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        using (var pixels = SKImage.FromBitmap(resized))
        {
            surface.Canvas.DrawImage(pixels, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        }

        using var image = surface.Snapshot();
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        var temp = path + ".tmp";
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await encoded.AsStream().CopyToAsync(file, cancellationToken);
            await file.FlushAsync(cancellationToken);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Applies the camera's EXIF rotation (the common rotations and flips; transposed originals, which cameras do not write, stay as stored).</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is not (SKEncodedOrigin.TopRight or SKEncodedOrigin.BottomRight or SKEncodedOrigin.BottomLeft or SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom))
        {
            return bitmap.Copy();
        }

        var swap = origin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height, bitmap.ColorType, bitmap.AlphaType);
        using var canvas = new SKCanvas(result);
        var (w, h) = (result.Width, result.Height);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Scale(-1, 1, w / 2f, 0);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.RotateDegrees(180, w / 2f, h / 2f);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Scale(1, -1, 0, h / 2f);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(w, 0);
                canvas.RotateDegrees(90);
                break;
            default:
                canvas.Translate(0, h);
                canvas.RotateDegrees(-90);
                break;
        }

        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }
}
