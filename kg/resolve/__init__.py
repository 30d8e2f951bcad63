"""Identity: inside an article (clusters, pronouns, descriptions) and across articles."""
