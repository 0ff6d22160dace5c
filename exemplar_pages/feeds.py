"""RSS and Atom feeds of the columns, from the same search service as the column pages."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .listing import column_listing

FEED_LENGTH = 30


class ColumnRssFeed(Feed):
    """The newest public items of a column, as RSS 2.0."""

    feed_type = Rss201rev2Feed
    route_name = "rss"

    def __init__(self, column):
        super().__init__()
        self.column = column

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        return self.column.title

    def link(self) -> str:
        # Full URLs on the Site (kept on SITE_URL), not on the host the request came through.
        return self.column.get_full_url(request=self.request)

    def feed_url(self) -> str:
        return self.link() + self.column.reverse_subpage(self.route_name)

    def description(self) -> str:
        return self.column.search_description or self.column.title

    def items(self):
        return list(column_listing(self.column, {}, page_size=FEED_LENGTH).items[:FEED_LENGTH])

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return getattr(item, "summary", "") or item.search_description

    def item_link(self, item) -> str:
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class ColumnAtomFeed(ColumnRssFeed):
    """The newest public items of a column, as Atom 1.0."""

    feed_type = Atom1Feed
    route_name = "atom"
    subtitle = ColumnRssFeed.description
