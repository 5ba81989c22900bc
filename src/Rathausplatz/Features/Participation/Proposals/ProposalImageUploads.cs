using Rathausplatz.Features.Newsroom.Media;

namespace Rathausplatz.Features.Participation.Proposals;

/// <summary>An image as it arrives with its alt text; read (up to <see cref="ProposalImage.MaxBytes"/>) and re-encoded by the use case.</summary>
public sealed record ProposalImageUpload(Stream Content, string? AltText, int Number);

/// <summary>Why an image of a proposal is refused. Stored nowhere.</summary>
public enum ProposalImageProblem { TooMany, AltTextMissing, AltTextTooLong, TooLarge, NotAnImage, Damaged }

/// <summary>A refused image: <see cref="Number"/> counts from 1 as the form shows them (0: all of them).</summary>
public sealed record ImageRefusal(ProposalImageProblem Problem, int Number);

/// <summary>A read and re-encoded image with its alt text, ready to store.</summary>
public sealed record ReadyImage(ProcessedImage Image, string AltText);

/// <summary>
/// Reads the uploads of a proposal form through the newsroom's pipeline (resized, re-encoded: no EXIF, no GPS).
/// Every image is checked, so the form names all problems at once; any refusal means nothing is stored.
/// </summary>
public static class ProposalImageUploads
{
    public static async Task<List<ReadyImage>> ReadAsync(IReadOnlyList<ProposalImageUpload> uploads, int room, List<ImageRefusal> refusals,
        CancellationToken ct)
    {
        var ready = new List<ReadyImage>();
        if (uploads.Count > room)
        {
            refusals.Add(new(ProposalImageProblem.TooMany, 0));
            return ready;
        }
        for (var i = 0; i < uploads.Count; i++)
        {
            var number = uploads[i].Number;
            var alt = (uploads[i].AltText ?? "").Trim();
            if (alt.Length == 0)
                refusals.Add(new(ProposalImageProblem.AltTextMissing, number));
            else if (alt.Length > ProposalImage.MaxAltText)
                refusals.Add(new(ProposalImageProblem.AltTextTooLong, number));
            var bytes = await PostMediaRules.ReadAsync(uploads[i].Content, ProposalImage.MaxBytes, ct);
            if (bytes is null)
            {
                refusals.Add(new(ProposalImageProblem.TooLarge, number));
                continue;
            }
            var image = ImageProcessor.Process(bytes);
            switch (image.Problem)
            {
                case Newsroom.Media.ImageProblem.None:
                    ready.Add(new(image, alt));
                    break;
                case Newsroom.Media.ImageProblem.NotAnImage:
                    refusals.Add(new(ProposalImageProblem.NotAnImage, number));
                    break;
                case Newsroom.Media.ImageProblem.TooManyPixels:
                    refusals.Add(new(ProposalImageProblem.TooLarge, number));
                    break;
                default:
                    refusals.Add(new(ProposalImageProblem.Damaged, number));
                    break;
            }
        }
        return ready;
    }

    /// <summary>Adds the images to the proposal after <paramref name="position"/>; saved with the caller's SaveChanges.</summary>
    public static void Add(Data.AppDb db, Guid proposalId, IReadOnlyList<ReadyImage> images, int position, DateTime now)
    {
        foreach (var (image, alt) in images)
        {
            db.Add(new ProposalImage
            {
                ProposalId = proposalId,
                Position = position++,
                AltText = alt,
                Width = image.Width,
                Height = image.Height,
                CreatedAt = now,
                Variants = image.Variants!.Select(v => new ProposalImageVariant
                {
                    Width = v.Width, Height = v.Height, ContentType = v.ContentType, Hash = v.Hash, Bytes = v.Bytes,
                }).ToList(),
            });
        }
    }

    /// <summary>The message for a refused image, in the reader's language.</summary>
    public static string Message(ImageRefusal refusal, IStringLocalizer<SharedResource> text) => refusal.Problem switch
    {
        ProposalImageProblem.TooMany => text["Höchstens {0} Bilder pro Vorschlag.", ProposalImage.MaxPerProposal],
        ProposalImageProblem.AltTextMissing => text["Bitte beschreiben Sie Bild {0} für Menschen, die es nicht sehen können (Alternativtext).", refusal.Number],
        ProposalImageProblem.AltTextTooLong => text["Der Alternativtext von Bild {0} darf höchstens {1} Zeichen lang sein.", refusal.Number, ProposalImage.MaxAltText],
        ProposalImageProblem.TooLarge => text["Bild {0} ist zu groß (höchstens 10 MB und 60 Megapixel).", refusal.Number],
        ProposalImageProblem.NotAnImage => text["Die Datei {0} ist kein Bild (JPEG, PNG oder WebP).", refusal.Number],
        _ => text["Bild {0} ist beschädigt und kann nicht gelesen werden.", refusal.Number],
    };
}
