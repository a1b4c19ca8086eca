"""Newcomers and departures: resources, welcome paths, nudges and handovers."""
