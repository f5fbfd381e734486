// Surfaces across MPI ranks (built with BASIN_WITH_MPI). Rank 0 decides which points are
// missing and broadcasts them; rank r evaluates every size-th of them, starting at r; ranks
// other than 0 send each result to rank 0 as it is ready (point-to-point, no collective per
// point); only rank 0 records, writes the file and reports progress. No parallel HDF5 and no file
// locking are involved.
#pragma once

#include "core/landscape/surface.h"

namespace basin {

// Whether this process runs under mpirun with more than one rank, and its rank.
int mpiRank();
int mpiSize();

// Like computeSurface; collective over MPI_COMM_WORLD. Every rank passes the same directions
// and grid; `surface` and `path` matter on rank 0 only.
void computeSurfaceMpi(Network& network, const Dataset& data, const DirectionPair& directions,
                       Surface& surface, const std::string& path, const SurfaceOptions& options,
                       const std::vector<DirectionPair>& seedDirections = {});

}  // namespace basin
