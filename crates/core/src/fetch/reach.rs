//! Where a fetch may go. A feed or page the person chose may live anywhere, their own network
//! included. A fetch that content asks for (an image, an article's page) may not reach the
//! person's own machine or network — a hostile feed could otherwise probe their router or a
//! local service — unless the content itself came from there.
//!
//! The check holds at every step: the scheme and literal addresses of each redirect hop, and the
//! addresses a host name resolves to (a resolver hook that drops non-public ones, so a name that
//! later resolves elsewhere — DNS rebinding — is checked on the connection actually made).

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

/// How far a fetch may reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reach {
    /// What the person asked for: any web address.
    Anywhere,
    /// What content asked for: public internet addresses only.
    PublicOnly,
}

impl Reach {
    /// The reach of fetches that content from `source` asks for: anywhere if `source` itself lives
    /// on the person's machine or network, public addresses otherwise.
    pub fn for_content_from(source: &str) -> Reach {
        match Url::parse(source) {
            Ok(url) if lives_on_private_network(&url) => Reach::Anywhere,
            _ => Reach::PublicOnly,
        }
    }
}

/// True when `url` names this machine or a private network: a non-public IP address, `localhost`,
/// a one-label name (`http://intranet/`) or a name under a private-use suffix. Decided from the
/// address alone: a public-looking name that resolves to a private address counts as public,
/// which errs on the side of refusing.
pub fn lives_on_private_network(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => !is_public(IpAddr::V4(ip)),
        Some(Host::Ipv6(ip)) => !is_public(IpAddr::V6(ip)),
        Some(Host::Domain(name)) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            const PRIVATE_SUFFIXES: [&str; 6] = [
                ".localhost",
                ".local",
                ".lan",
                ".internal",
                ".intranet",
                ".home.arpa",
            ];
            name == "localhost"
                || !name.contains('.')
                || PRIVATE_SUFFIXES.iter().any(|s| name.ends_with(s))
        }
        None => false,
    }
}

/// Whether `ip` is on the public internet: not loopback, private, link-local, shared (CGNAT),
/// unique-local, multicast, documentation, benchmarking or otherwise reserved.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_unspecified()
                || v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.is_multicast()
                || a == 0
                || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
                || (a == 192 && b == 0 && v4.octets()[2] == 0) // IETF protocol assignments
                || (a == 198 && (b == 18 || b == 19)) // benchmarking
                || a >= 240) // reserved
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_unspecified()
                || v6.is_loopback()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00 // unique local
                || (first & 0xffc0) == 0xfe80 // link-local
                || (first & 0xffc0) == 0xfec0 // site-local (deprecated)
                || first == 0x2001 && v6.segments()[1] == 0x0db8 // documentation
                || first == 0x0064 && v6.segments()[1] == 0xff9b) // NAT64 to anything
        }
    }
}

/// Refuses a hop that cannot be fetched within `reach`: a non-web scheme, or a literal address
/// that is not public. Host names are checked when they resolve, by [`PublicResolver`].
pub(super) fn check_hop(url: &Url, reach: Reach) -> Result<(), String> {
    if reach == Reach::Anywhere {
        return Ok(());
    }
    let literal = match url.host() {
        Some(Host::Ipv4(ip)) => Some(IpAddr::V4(ip)),
        Some(Host::Ipv6(ip)) => Some(IpAddr::V6(ip)),
        _ => None,
    };
    match literal {
        Some(ip) if !is_public(ip) => Err(refusal(&ip.to_string())),
        _ => Ok(()),
    }
}

fn refusal(target: &str) -> String {
    format!("{target} is on this computer or a private network, which content may not reach")
}

/// A name refused by [`PublicResolver`], told apart from a failed lookup (no network) where
/// reqwest hands it back: a refusal is final, a failed lookup may pass.
#[derive(Debug)]
pub(super) struct Refusal(pub(super) String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refusal {}

/// Fixed addresses for host names, consulted before DNS (as /etc/hosts would be).
pub(super) type Hosts = Arc<HashMap<String, IpAddr>>;

/// Resolves names as the system does (or from [`Hosts`]), then keeps only public addresses; a
/// name with none left fails to resolve, so no connection to a private address is ever made.
pub(super) struct PublicResolver {
    pub(super) hosts: Hosts,
}

impl Resolve for PublicResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let name = name.as_str().to_ascii_lowercase();
        let fixed = self.hosts.get(&name).copied();
        Box::pin(async move {
            let found: Vec<SocketAddr> = match fixed {
                Some(ip) => vec![SocketAddr::new(ip, 0)],
                None => tokio::net::lookup_host((name.as_str(), 0)).await?.collect(),
            };
            let public: Vec<SocketAddr> = found
                .iter()
                .copied()
                .filter(|a| is_public(a.ip()))
                .collect();
            if public.is_empty() {
                let shown = found
                    .first()
                    .map_or(name.clone(), |a| format!("{name} ({})", a.ip()));
                return Err(Box::new(Refusal(refusal(&shown))) as _);
            }
            Ok(Box::new(public.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
#[path = "tests/reach.rs"]
mod tests;
