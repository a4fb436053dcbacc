using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Photos;

namespace Octans.Api.Pages.Photos;

/// <summary>
/// A photo for the pages' own img tags, which carry the sign-in cookie rather than a token. A photo's id names the same
/// bytes for ever, so a browser may keep it for its own user, never a shared cache.
/// </summary>
public sealed class PhotoModel(IQuerySession session) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? size, CancellationToken cancellation)
    {
        var (jpeg, _) = await PhotoCopies.ReadAsync(session, User, id, size, cancellation);
        if (jpeg is null) return NotFound();
        Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        return File(jpeg, "image/jpeg");
    }
}
